import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { parseBackendRequest } from './model/backendRequest';
import { startClassifierLoad } from './model/earlyClassifier';
import { modelJsonUrl } from './model/modelUrl';
import './styles.css';

// The app's code is loaded and evaluated: the first-visit timeline's first step of our own.
performance.mark('app-start');

// The model loads (backend start, warm-up) while React renders the page; App's useClassifier
// takes this load over. The model files themselves are preloaded by index.html.
startClassifierLoad(
  modelJsonUrl(import.meta.env.BASE_URL, document.baseURI),
  parseBackendRequest(window.location.search),
);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
