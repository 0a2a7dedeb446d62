import { useMemo } from 'react';
import { INPUT_SIZE } from '../../constants';
import type { TestReport } from '../../train/trainProtocol';
import { LayerImageCanvas } from '../LayerImageCanvas';
import { cellKey, cellLabel, grayRgba } from './confusionGrid';

/** The test images of one confusion cell that the report kept, drawn as the model saw them. */
export function MisreadImages({
  report,
  truth,
  read,
  onClose,
}: {
  report: TestReport;
  truth: number;
  read: number;
  onClose: () => void;
}) {
  const count = report.confusion[truth]?.[read] ?? 0;
  const kept = useMemo(() => report.misread[cellKey(truth, read)] ?? [], [report, truth, read]);
  // Made once per cell: the canvases redraw only when their pixels change.
  const images = useMemo(() => kept.map((image) => grayRgba(image.pixels)), [kept]);
  let note = '';
  if (truth === read) note = 'These were read right; only misread images are kept.';
  else if (count > 0 && kept.length === 0) note = 'None of them were kept to show.';
  else if (kept.length < count) note = `${kept.length} shown.`;
  return (
    <section className="train-misread" data-testid="train-misread" aria-live="polite">
      <p className="train-misread__title">
        {cellLabel(truth, read, count)}. {note}{' '}
        <button type="button" onClick={onClose}>
          Close
        </button>
      </p>
      {kept.length > 0 && truth !== read && (
        <ul className="train-misread__images">
          {kept.map((image, i) => (
            <li key={image.index}>
              <LayerImageCanvas
                width={INPUT_SIZE}
                height={INPUT_SIZE}
                rgba={images[i]!}
                label={`Test image ${image.index + 1}: a ${truth}, read as ${read}`}
              />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
