import { DataTable } from '../../../shared/ui/data_table';
import type { DoctorHours } from '../api/workenv_api';
import { useWorkenvTranslation } from '../i18n/workenv_i18n';

/** Doctors' hours, worst first, by code (never a name); with the hospital on the prefecture's list. */
export function HoursTable({ caption, doctors, withHospital = false }: { caption: string; doctors: readonly DoctorHours[]; withHospital?: boolean }) {
  const { t } = useWorkenvTranslation();
  const cap = (d: DoctorHours) => (d.cap_own_hours !== null ? `${d.projected_own_hours} / ${d.cap_own_hours}（${d.projected_hours} / ${d.cap_hours}）` : `${d.projected_hours} / ${d.cap_hours}`);
  return (
    <DataTable
      caption={caption}
      rows={doctors}
      rowKey={(d) => `${d.hospital?.id ?? ''}:${d.doctor_code}`}
      columns={[
        ...(withHospital ? [{ header: t('hours.hospital'), cell: (d: DoctorHours) => d.hospital?.name ?? '' }] : []),
        { header: t('hours.code'), cell: (d) => <span className="font-mono">{d.doctor_code}</span> },
        { header: t('hours.department'), cell: (d) => d.department },
        { header: t('hours.level'), cell: (d) => d.level },
        { header: t('hours.month'), cell: (d) => d.month_hours },
        { header: t('hours.ytd'), cell: (d) => d.ytd_hours },
        { header: t('hours.projected'), cell: (d) => <span className="break-all">{cap(d)}</span> },
        { header: t('hours.continuous'), cell: (d) => d.longest_continuous_hours },
        { header: t('hours.interview'), cell: (d) => (d.interview_done ? t('hours.done') : t('hours.notDone')) },
        {
          header: t('hours.flags'),
          cell: (d) =>
            d.notes.length === 0 ? (
              t('hours.noFlags')
            ) : (
              <ul className="flex list-disc flex-col gap-0.5 pl-5">
                {d.notes.map((note, i) => (
                  <li key={note} className={i === 0 ? 'font-bold text-red-900' : ''}>
                    {note}
                  </li>
                ))}
              </ul>
            ),
        },
      ]}
    />
  );
}
