import { useState } from 'react';
import type { TestReport, TrainedModelFiles } from '../../train/trainProtocol';
import { ConfusionMatrix } from './ConfusionMatrix';
import { saveModelFiles } from './saveModelFiles';
import { formatCount, formatPercent } from './trainFormat';

/** The finished model: its test figures, and Use on the pad / Download. */
export function TrainResult({
  report,
  model,
  tensorsLeft,
  onUse,
}: {
  report: TestReport;
  model: TrainedModelFiles | null;
  /** The worker's tensors the run left behind (0 unless one leaked), for tests to read. */
  tensorsLeft: number | undefined;
  onUse: (files: TrainedModelFiles) => void;
}) {
  const [saveError, setSaveError] = useState<string | null>(null);
  const tested = report.perClass.reduce((sum, row) => sum + row.total, 0);
  const save = (files: TrainedModelFiles) => {
    try {
      saveModelFiles(files);
      setSaveError(null);
    } catch (error) {
      setSaveError(`The model could not be saved: ${String(error)}`);
    }
  };
  return (
    <section
      className="train-result"
      data-testid="train-result"
      data-test-accuracy={String(report.accuracy)}
      data-tensors-left={tensorsLeft}
      aria-label="Result"
    >
      <p className="train-result__accuracy">
        Test accuracy <strong>{formatPercent(report.accuracy)}</strong> of {formatCount(tested)}{' '}
        MNIST test images.
      </p>
      {report.personal && <PersonalFigure personal={report.personal} />}
      {model && (
        <div className="train-result__actions">
          <button type="button" data-testid="train-use" onClick={() => onUse(model)}>
            Use on the pad
          </button>
          <button type="button" data-testid="train-download" onClick={() => save(model)}>
            Download
          </button>
          <span className="train-result__hint">model.json and weights.bin, tfjs layers format</span>
        </div>
      )}
      {saveError && (
        <p className="train-error" role="alert">
          {saveError}
        </p>
      )}
      <ConfusionMatrix report={report} />
    </section>
  );
}

/** Right of the person's held-out drawings, by the shipped model and by this one. */
function PersonalFigure({ personal }: { personal: NonNullable<TestReport['personal']> }) {
  const { before, after, total } = personal;
  const share = (right: number) => (total > 0 ? right / total : 0);
  const rows = [
    { name: 'Shipped model', right: before },
    { name: 'This model', right: after },
  ];
  return (
    <figure
      className="train-personal"
      data-testid="train-personal-result"
      data-before={before}
      data-after={after}
      data-total={total}
    >
      <figcaption>
        Your handwriting: {formatCount(total)} of your drawings held out from training
      </figcaption>
      <dl>
        {rows.map((row) => (
          <div key={row.name} className="train-personal__row">
            <dt>{row.name}</dt>
            <dd>
              <meter min={0} max={1} value={share(row.right)} aria-hidden="true" />
              {formatCount(row.right)} of {formatCount(total)} right (
              {formatPercent(share(row.right), 0)})
            </dd>
          </div>
        ))}
      </dl>
    </figure>
  );
}
