import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startBackend } from './model/backend';
import { parseBackendRequest } from './model/backendRequest';
import './styles.css';

// Starts the backend (a WebGL context, or the wasm download) while React renders the page;
// the model's load joins it. A failure is reported by that load, not here.
startBackend(parseBackendRequest(window.location.search)).catch(() => {});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
