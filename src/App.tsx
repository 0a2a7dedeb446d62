import { useMemo, useState } from 'react';
import { NumberDisplay } from './components/NumberDisplay';
import { BackendBadge } from './components/BackendBadge';
import { DrawingPad } from './components/DrawingPad';
import { DrawingToolbar } from './components/DrawingToolbar';
import { InputPreview } from './components/InputPreview';
import { LayersPanel } from './components/LayersPanel';
import { TrainPanel } from './components/TrainPanel';
import { ModelInfo } from './components/ModelInfo';
import { ModelStatus } from './components/ModelStatus';
import { PersonalPanel } from './components/PersonalPanel';
import { PreprocessingChoice } from './components/PreprocessingChoice';
import { PredictionDisplay } from './components/PredictionDisplay';
import { ScoreChart } from './components/ScoreChart';
import { UserModelPanel } from './components/UserModelPanel';
import { UserPrediction } from './components/UserPrediction';
import { useClassifier } from './hooks/useClassifier';
import { useDrawingShortcuts } from './hooks/useDrawingShortcuts';
import { useFileDrop } from './hooks/useFileDrop';
import { usePersonal } from './hooks/usePersonal';
import { usePrediction } from './hooks/usePrediction';
import { usePrefersDark } from './hooks/usePrefersDark';
import { useStrokes } from './hooks/useStrokes';
import { useUserModel } from './hooks/useUserModel';
import { useUserPrediction } from './hooks/useUserPrediction';
import { parseBackendRequest } from './model/backendRequest';
import { modelJsonUrl } from './model/modelUrl';
import { createInputCache, prepareNumber } from './number/prepareNumber';
import { numberValue } from './number/readNumber';
import { lastWrittenGroup } from './number/groupStrokes';
import { parsePreprocessing, type Preprocessing } from './preprocess/preprocessing';
import type { Stroke } from './strokes';
import { servingTexts } from './usermodel/servingTexts';

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
  const [backend] = useState(() => parseBackendRequest(window.location.search));
  const [preprocessing, setPreprocessing] = useState(requestedPreprocessing);
  const { state: modelState, retry } = useClassifier(modelUrl, backend);
  const classifier = modelState.status === 'ready' ? modelState.classifier : null;
  // Planned and preprocessed once per drawing, for the preview (even before the model is
  // ready) and the model; each group's input is kept while its strokes do not change.
  const [inputCache] = useState(createInputCache);
  const prepared = useMemo(
    () => prepareNumber(drawing.strokes, preprocessing, inputCache),
    [drawing.strokes, preprocessing, inputCache],
  );
  // The examples of the person's handwriting kept on this device (src/personal/): while there
  // are any, each digit's answer is adapted to them.
  const personal = usePersonal(classifier);
  // While the Layers panel is open, every layer's output is read back from the same pass.
  const [layersOpen, setLayersOpen] = useState(false);
  const batch = useMemo(
    () => (layersOpen ? { ...prepared, key: `${prepared.key}+layers`, layers: true } : prepared),
    [prepared, layersOpen],
  );
  const reading = usePrediction(classifier, batch);
  const { state, error } = reading;
  const { adapt } = personal;
  const digits = useMemo(
    () => reading.digits.map((d) => ({ ...d, prediction: adapt(d.prediction) })),
    [reading.digits, adapt],
  );
  // The digit described below the number: the one chosen, by default the one written last.
  // A choice is kept as its first stroke, so it survives regrouping until that stroke goes.
  const [chosenStroke, setChosenStroke] = useState<Stroke | null>(null);
  const chosen = digits.findIndex((d) =>
    d.strokes.some((i) => reading.strokes[i] === chosenStroke),
  );
  const selected = chosen >= 0 ? chosen : lastWrittenGroup(digits);
  const digit = digits[selected] ?? null;
  const prediction = digit?.prediction ?? null;
  // Before the first answer, the preview shows the group being written.
  const previewInput =
    digit?.input ?? prepared.inputs[lastWrittenGroup(prepared.plan.groups)] ?? null;
  // A model the person brought reads the same digits, beside the shipped model.
  const shippedFailed = modelState.status === 'error';
  const user = useUserModel(classifier, shippedFailed);
  const userReady = user.state.status === 'ready' ? user.state : null;
  // The digits as the shipped model's reading split them; without a shipped model (it failed to
  // load), the geometric groups alone.
  const digitInputs = useMemo(
    () =>
      shippedFailed
        ? prepared.plan.groups
            .map((_, i) => prepared.inputs[i])
            .filter((input): input is Float32Array => input instanceof Float32Array)
        : reading.digits.map((d) => d.input),
    [shippedFailed, prepared, reading.digits],
  );
  const userReading = useUserPrediction(
    userReady?.model ?? null,
    userReady?.convention ?? null,
    digitInputs,
  );
  const serving = useMemo(
    () => servingTexts(classifier?.metadata ?? null, userReady, digit?.input ?? null),
    [classifier, userReady, digit?.input],
  );
  const padDrop = useFileDrop((files) => user.load({ kind: 'files', files }));

  return (
    <div className="app">
      <header className="app__header">
        <h1>Digit recogniser</h1>
        <ModelStatus state={modelState} onRetry={retry} />
        <BackendBadge
          backend={classifier?.backend ?? null}
          interim={classifier?.settle !== undefined}
        />
      </header>
      <main className="app__main">
        <section
          className={`pad-area${padDrop.over ? ' pad-area--drop' : ''}`}
          aria-label="Drawing"
          data-stroke-count={drawing.strokes.length}
          {...padDrop.handlers}
        >
          <DrawingPad
            strokes={drawing.strokes}
            onStrokeStart={(point) => {
              setChosenStroke(null);
              drawing.start(point);
            }}
            onStrokeExtend={drawing.extend}
            onStrokeEnd={drawing.end}
            ink={dark ? '#f4f4f5' : '#18181b'}
          />
          <DrawingToolbar drawing={drawing} />
        </section>
        <NumberDisplay
          reading={{ ...reading, digits }}
          selected={selected}
          onSelect={(i) => setChosenStroke(reading.strokes[digits[i]!.strokes[0]!] ?? null)}
        />
        <section
          className="results"
          aria-label={
            digits.length > 1 ? `Digit ${selected + 1} of ${digits.length}` : 'Recognition'
          }
        >
          <div className="results__top">
            <PredictionDisplay
              state={state}
              prediction={prediction}
              error={error}
              announce={!drawing.isDrawing}
              place={
                digits.length > 1
                  ? { index: selected, count: digits.length, value: numberValue(digits) }
                  : null
              }
            />
            <InputPreview input={previewInput} />
          </div>
          <PersonalPanel
            personal={personal}
            digit={
              state === 'done' && digit
                ? { key: `${prepared.key}#${digit.strokes.join(',')}`, ...digit }
                : null
            }
          />
          <PreprocessingChoice value={preprocessing} onChange={setPreprocessing} />
          <ScoreChart
            prediction={prediction}
            showLogits={showLogits}
            onShowLogitsChange={setShowLogits}
          />
          {userReady && (
            <UserPrediction name={userReady.model.name} reading={userReading} selected={selected} />
          )}
        </section>
      </main>
      <UserModelPanel user={user} />
      <ModelInfo
        classifier={classifier}
        inputs={digits.length > 0 ? digits.map((d) => d.input) : prepared.inputs.slice(0, 1)}
        predictions={reading.digits.map((d) => d.prediction)}
        serving={serving}
      />
      <LayersPanel
        classifier={classifier}
        prediction={prediction}
        open={layersOpen}
        onToggle={setLayersOpen}
        note={
          userReady
            ? 'These are the layers of the model that ships with the page. Your model’s are not ' +
              'shown: the panel reads them from the page’s own forward pass, which only the ' +
              'shipped model runs.'
            : null
        }
      />
      <TrainPanel
        personalExamples={personal.count > 0 ? personal.drawings : null}
        onUse={(files) =>
          user.load({ kind: 'kept', kept: { name: 'Trained in this page', artifacts: files } })
        }
      />
      <footer className="app__footer">
        Runs entirely in your browser: your drawing never leaves this device.
        {import.meta.env.VITE_BUILD_ID && (
          <span data-testid="build"> Build {import.meta.env.VITE_BUILD_ID}.</span>
        )}
      </footer>
    </div>
  );
}
