import type { NamedCode, WardCount } from '../api/beds_api';
import { useBedsTranslation } from '../i18n/beds_i18n';
import { useBedLabels } from '../use_bed_labels';

/** The numbers of one report per ward type, with the totals; a small table that fits a phone. */
export function WardTable({ wards, wardTypes, caption }: { wards: readonly WardCount[]; wardTypes: readonly NamedCode[]; caption: string }) {
  const { t } = useBedsTranslation();
  const labels = useBedLabels();
  const order = (type: string) => {
    const index = wardTypes.findIndex((w) => w.code === type);
    return index === -1 ? wardTypes.length : index;
  };
  const sorted = [...wards].sort((a, b) => order(a.ward_type) - order(b.ward_type));
  const total = (field: 'permitted' | 'secured' | 'vacant') => wards.reduce((sum, ward) => sum + ward[field], 0);
  const cell = 'border-b border-solid-gray-200 px-3 py-2 text-right tabular-nums';
  return (
    // Focusable and named, so keyboard users can scroll it on a narrow phone (WCAG 2.1.1).
    <div role="region" tabIndex={0} aria-label={t('scrollRegion', { caption })} className="overflow-x-auto">
      <table className="w-full min-w-[18rem] border-collapse text-std-16N-170">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-solid-gray-50">
          <tr>
            <th scope="col" className="border-b border-solid-gray-420 px-3 py-2 text-left text-std-16B-170">
              {t('columns.wardType')}
            </th>
            <th scope="col" className="border-b border-solid-gray-420 px-3 py-2 text-right text-std-16B-170">
              {t('columns.permitted')}
            </th>
            <th scope="col" className="border-b border-solid-gray-420 px-3 py-2 text-right text-std-16B-170">
              {t('columns.secured')}
            </th>
            <th scope="col" className="border-b border-solid-gray-420 px-3 py-2 text-right text-std-16B-170">
              {t('columns.vacant')}
            </th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((ward) => (
            <tr key={ward.ward_type}>
              <th scope="row" className="border-b border-solid-gray-200 px-3 py-2 text-left font-400">
                {labels.wardType(ward.ward_type, wardTypes.find((w) => w.code === ward.ward_type)?.name)}
              </th>
              <td className={cell}>{ward.permitted}</td>
              <td className={cell}>{ward.secured}</td>
              <td className={cell}>{ward.vacant}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="font-700">
            <th scope="row" className="px-3 py-2 text-left">
              {t('columns.total')}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{total('permitted')}</td>
            <td className="px-3 py-2 text-right tabular-nums">{total('secured')}</td>
            <td className="px-3 py-2 text-right tabular-nums">{total('vacant')}</td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
