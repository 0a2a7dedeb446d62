import { useMemo, useState } from 'react';
import { BackendBadge } from './components/BackendBadge';
import { DrawingPad } from './components/DrawingPad';
import { DrawingToolbar } from './components/DrawingToolbar';
import { InputPreview } from './components/InputPreview';
import { ModelInfo } from './components/ModelInfo';
import { ModelStatus } from './components/ModelStatus';
import { PersonalPanel } from './components/PersonalPanel';
import { PreprocessingChoice } from './components/PreprocessingChoice';
import { PredictionDisplay } from './components/PredictionDisplay';
import { ScoreChart } from './components/ScoreChart';
import { useClassifier } from './hooks/useClassifier';
import { useDrawingShortcuts } from './hooks/useDrawingShortcuts';
import { usePersonal } from './hooks/usePersonal';
import { usePrediction } from './hooks/usePrediction';
import { usePrefersDark } from './hooks/usePrefersDark';
import { useStrokes } from './hooks/useStrokes';
import { parseBackendName, type BackendName } from './model/backendName';
import { modelJsonUrl } from './model/modelUrl';
import { prepareInput } from './preprocess/prepareInput';
import { parsePreprocessing, type Preprocessing } from './preprocess/preprocessing';

/** `?backend=wasm|cpu` runs the model without the GPU (for comparison and benchmarks). */
function requestedBackend(): BackendName {
  return parseBackendName(new URLSearchParams(window.location.search).get('backend')) ?? 'webgl';
}

/** `?preprocess=crop|naive` starts with a comparison preprocessing (links, benchmarks). */
function requestedPreprocessing(): Preprocessing {
  return (
    parsePreprocessing(new URLSearchParams(window.location.search).get('preprocess')) ?? 'mnist'
  );
}

export function App() {
  const drawing = useStrokes();
  useDrawingShortcuts(drawing);
  const dark = usePrefersDark();
  const [showLogits, setShowLogits] = useState(false);
  const modelUrl = useMemo(() => modelJsonUrl(import.meta.env.BASE_URL, document.baseURI), []);
  const [backend] = useState(requestedBackend);
  const [preprocessing, setPreprocessing] = useState(requestedPreprocessing);
  const { state: modelState, retry } = useClassifier(modelUrl, backend);
  const classifier = modelState.status === 'ready' ? modelState.classifier : null;
  // Preprocessed once per drawing, for the preview (even before the model is ready) and the model.
  const prepared = useMemo(
    () => prepareInput(drawing.strokes, preprocessing, drawing.version),
    [drawing.strokes, preprocessing, drawing.version],
  );
  const { state, prediction: raw, error } = usePrediction(classifier, prepared);
  // The page reads the drawing adapted to the examples kept on this device (src/personal/).
  const personal = usePersonal(classifier, raw);
  const prediction = personal.prediction;

  return (
    <div className="app">
      <header className="app__header">
        <h1>Digit recogniser</h1>
        <ModelStatus state={modelState} onRetry={retry} />
        <BackendBadge backend={classifier?.backend ?? null} />
      </header>
      <main className="app__main">
        <section
          className="pad-area"
          aria-label="Drawing"
          data-stroke-count={drawing.strokes.length}
        >
          <DrawingPad
            strokes={drawing.strokes}
            onStrokeStart={drawing.start}
            onStrokeExtend={drawing.extend}
            onStrokeEnd={drawing.end}
            ink={dark ? '#f4f4f5' : '#18181b'}
          />
          <DrawingToolbar drawing={drawing} />
        </section>
        <section className="results" aria-label="Recognition">
          <div className="results__top">
            <PredictionDisplay
              state={state}
              prediction={prediction}
              error={error}
              announce={!drawing.isDrawing}
            />
            <InputPreview input={prepared.input} />
          </div>
          <PersonalPanel personal={personal} drawing={prepared} done={state === 'done'} />
          <PreprocessingChoice value={preprocessing} onChange={setPreprocessing} />
          <ScoreChart
            prediction={prediction}
            showLogits={showLogits}
            onShowLogitsChange={setShowLogits}
          />
        </section>
      </main>
      <ModelInfo classifier={classifier} input={prepared.input} prediction={raw} />
      <footer className="app__footer">
        Runs entirely in your browser: your drawing never leaves this device.
        {import.meta.env.VITE_BUILD_ID && (
          <span data-testid="build"> Build {import.meta.env.VITE_BUILD_ID}.</span>
        )}
      </footer>
    </div>
  );
}
