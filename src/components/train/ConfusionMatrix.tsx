import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import type { TestReport } from '../../train/trainProtocol';
import { cellKey, cellLabel, moveInGrid, rowShare } from './confusionGrid';
import { MisreadImages } from './MisreadImages';
import { formatPercent } from './trainFormat';

/**
 * Test images by true digit (rows) and digit read (columns), each row's accuracy at its end.
 * Every cell is a button showing its misread images; the arrow keys move between cells, so
 * the grid is one tab stop.
 */
export function ConfusionMatrix({ report }: { report: TestReport }) {
  const size = report.confusion.length;
  const [focus, setFocus] = useState<[number, number]>([0, 0]);
  const [open, setOpen] = useState<[number, number] | null>(null);
  const table = useRef<HTMLTableElement>(null);

  const onKeyDown = (event: KeyboardEvent) => {
    const next = moveInGrid(focus, event.key, size);
    if (!next) return;
    event.preventDefault();
    setFocus(next);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${cellKey(...next)}"]`)?.focus();
  };

  return (
    <div className="train-confusion">
      <table ref={table} data-testid="train-confusion" onKeyDown={onKeyDown}>
        <caption>
          Confusion matrix: each row a true digit, each column the digit read. Choose a cell to see
          its misread test images.
        </caption>
        <thead>
          <tr>
            <td />
            {report.confusion.map((_, read) => (
              <th key={read} scope="col" aria-label={`read as ${read}`}>
                {read}
              </th>
            ))}
            <th scope="col">Right</th>
          </tr>
        </thead>
        <tbody>
          {report.confusion.map((row, truth) => (
            <tr key={truth}>
              <th scope="row" aria-label={`true ${truth}`}>
                {truth}
              </th>
              {row.map((count, read) => {
                const [r, c] = focus;
                const share = rowShare(report.confusion, truth, read);
                const kind = truth === read ? 'right' : count > 0 ? 'wrong' : 'none';
                return (
                  <td key={read}>
                    <button
                      type="button"
                      className={`train-confusion__cell train-confusion__cell--${kind}`}
                      style={{ '--share': share } as CSSProperties}
                      data-cell={cellKey(truth, read)}
                      tabIndex={r === truth && c === read ? 0 : -1}
                      aria-label={cellLabel(truth, read, count)}
                      aria-pressed={open?.[0] === truth && open[1] === read}
                      onFocus={() => setFocus([truth, read])}
                      onClick={() => setOpen([truth, read])}
                    >
                      {count}
                    </button>
                  </td>
                );
              })}
              <td className="train-confusion__right">{classAccuracy(report, truth)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <MisreadImages
          report={report}
          truth={open[0]}
          read={open[1]}
          onClose={() => {
            setOpen(null);
            table.current
              ?.querySelector<HTMLButtonElement>(`[data-cell="${cellKey(...open)}"]`)
              ?.focus();
          }}
        />
      )}
    </div>
  );
}

function classAccuracy(report: TestReport, digit: number): string {
  const row = report.perClass[digit];
  return row && row.total > 0 ? formatPercent(row.right / row.total, 1) : '–';
}
