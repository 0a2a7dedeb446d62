import { linearScale, linePath, niceTicks } from './chartScale';
import type { ChartData } from './trainCharts';

const WIDTH = 320;
const HEIGHT = 150;
const MARGIN = { left: 44, right: 8, top: 8, bottom: 22 };

/**
 * One chart of the run: batch figures as a thin line, epoch figures as a line with dots, the
 * x axis in epochs. The SVG is an image whose label says the figures; colours come from the
 * theme (train.css).
 */
export function LineChart({ data }: { data: ChartData }) {
  const sx = linearScale(data.x, [MARGIN.left, WIDTH - MARGIN.right]);
  const sy = linearScale(data.y, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const yTicks = niceTicks(data.y[0], data.y[1], 4);
  const xTicks = niceTicks(data.x[0], data.x[1], Math.min(10, data.x[1])).filter(Number.isInteger);
  return (
    <figure className="train-chart" data-testid="train-chart" data-title={data.title}>
      <figcaption className="train-chart__title" aria-hidden="true">
        {data.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        // The summary begins with the title: "Loss. Per batch, latest 0.123; ...".
        aria-label={data.summary}
      >
        <g className="train-chart__axis">
          {yTicks.map((tick) => (
            <g key={tick}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={sy(tick)} y2={sy(tick)} />
              <text x={MARGIN.left - 4} y={sy(tick)} textAnchor="end" dominantBaseline="middle">
                {data.tickFormat(tick)}
              </text>
            </g>
          ))}
          {xTicks.map((tick) => (
            <text key={tick} x={sx(tick)} y={HEIGHT - 6} textAnchor="middle">
              {tick}
            </text>
          ))}
        </g>
        {data.series.map((series) => (
          <g
            key={series.kind}
            className={`train-chart__series train-chart__series--${series.kind}`}
          >
            <path d={linePath(series.points, sx, sy)} />
            {series.kind !== 'batch' &&
              series.points.map((p) =>
                Number.isFinite(p.y) ? (
                  <circle key={p.x} cx={sx(p.x)} cy={sy(p.y)} r={2.5} />
                ) : null,
              )}
          </g>
        ))}
      </svg>
      <ul className="train-chart__legend" aria-hidden="true">
        {data.series.map((series) => (
          <li key={series.kind} className={`train-chart__key train-chart__key--${series.kind}`}>
            {series.label}
          </li>
        ))}
        <li className="train-chart__unit">x: epochs</li>
      </ul>
    </figure>
  );
}
