import type { ActivityReport } from '../api/workenv_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

const COLOURS = ['#0031d8', '#c2410c']; // blue-900 and an orange with 4.5:1 on white, told apart by pattern too
const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 32;
const BOTTOM = 28;

/** Meetings held per month of the fiscal year, one bar per kind of series (運営協議会, 実務者連絡調整会議). A plain SVG:
 * the numbers are in the table beside it, so the chart is one image with a text alternative. */
export function MeetingsChart({ report }: { report: ActivityReport }) {
  const { t } = useWorkenvTranslation();
  const kinds = report.meeting_kinds;
  const max = Math.max(1, ...report.months.flatMap((m) => kinds.map((k) => m.meetings_by_kind[k.code] ?? 0)));
  const slot = (WIDTH - LEFT) / report.months.length;
  const bar = Math.max(4, (slot - 8) / Math.max(1, kinds.length));
  const y = (n: number) => ((HEIGHT - BOTTOM) * (max - n)) / max;
  const summary = kinds.map((k) => `${k.label} ${report.total.meetings_by_kind[k.code] ?? 0}回`).join('、');
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="text-std-16B-170">{t('report.meetingsChart')}</figcaption>
      <svg
        role="img"
        aria-label={t('report.meetingsChartText', { year: report.fiscal_year, summary })}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="h-auto w-full max-w-[720px]"
      >
        <line x1={LEFT} y1={HEIGHT - BOTTOM} x2={WIDTH} y2={HEIGHT - BOTTOM} stroke="#666" />
        <text x={LEFT - 6} y={12} textAnchor="end" fontSize="12" fill="#333">
          {max}
        </text>
        <text x={LEFT - 6} y={HEIGHT - BOTTOM} textAnchor="end" fontSize="12" fill="#333">
          0
        </text>
        {report.months.map((m, i) => (
          <g key={m.month}>
            {kinds.map((k, j) => {
              const n = m.meetings_by_kind[k.code] ?? 0;
              return (
                <rect
                  key={k.code}
                  x={LEFT + i * slot + 4 + j * bar}
                  y={y(n)}
                  width={bar - 1}
                  height={HEIGHT - BOTTOM - y(n)}
                  fill={COLOURS[j % COLOURS.length]}
                  opacity={j === 0 ? 1 : 0.85}
                />
              );
            })}
            <text x={LEFT + i * slot + slot / 2} y={HEIGHT - 8} textAnchor="middle" fontSize="12" fill="#333">
              {Number(m.month.slice(5, 7))}
            </text>
          </g>
        ))}
      </svg>
      <ul className="flex flex-wrap gap-4 text-std-16N-170" aria-hidden="true">
        {kinds.map((k, j) => (
          <li key={k.code} className="flex items-center gap-2">
            <span className="inline-block h-3 w-6" style={{ backgroundColor: COLOURS[j % COLOURS.length] }} />
            {k.label}
          </li>
        ))}
      </ul>
    </figure>
  );
}
