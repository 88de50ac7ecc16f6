import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { DataTable } from '../../../shared/ui/data_table';
import { SectionHeading } from '../../../shared/ui/section_heading';
import type { PlacementPreview, PreviewArea, PreviewCap, PreviewDoctor } from '../api/placement_rounds_api';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';

/** What changed since the previous preview: the input, who moved, which fills. */
function DiffSection({ preview }: { preview: PlacementPreview }) {
  const { t } = usePlacementRoundsTranslation();
  const diff = preview.diff;
  if (diff === null) return null;
  return (
    <section aria-labelledby="preview-diff" className="flex flex-col gap-3 rounded-12 border border-l-8 border-blue-900 bg-blue-50 p-5">
      <SectionHeading id="preview-diff">{t('preview.diffHeading', { seq: diff.previous_seq })}</SectionHeading>
      <h3 className="text-std-17B-170">{t('preview.diffChanges')}</h3>
      {diff.changes.length === 0 ? (
        <p className="text-std-16N-170">{t('preview.diffNoChanges')}</p>
      ) : (
        <ul className="list-disc pl-6 text-std-16N-170">
          {diff.changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      )}
      <h3 className="text-std-17B-170">{t('preview.diffMoved')}</h3>
      {diff.moved.length === 0 ? (
        <p className="text-std-16N-170">{t('preview.diffNoMoves')}</p>
      ) : (
        <ul className="list-disc pl-6 text-std-16N-170">
          {diff.moved.map((m) => (
            <li key={m.doctor_id}>
              {t('preview.diffMove', { name: m.name, from: m.from ?? t('preview.diffNowhere'), to: m.to ?? t('preview.diffNowhere') })}
            </li>
          ))}
        </ul>
      )}
      {diff.fill.length > 0 && (
        <ul className="list-disc pl-6 text-std-16N-170">
          {diff.fill.map((f) => (
            <li key={`${f.kind}-${f.id}`}>{t('preview.diffFill', { name: f.name, from: f.from, to: f.to })}</li>
          ))}
        </ul>
      )}
      <p className="text-std-16B-170">{t('preview.diffPlaced', { from: diff.placed_from, to: diff.placed_to })}</p>
    </section>
  );
}

function FillSection({ preview }: { preview: PlacementPreview }) {
  const { t } = usePlacementRoundsTranslation();
  return (
    <section aria-labelledby="preview-fill" className="flex flex-col gap-4">
      <SectionHeading id="preview-fill">{t('preview.fillHeading')}</SectionHeading>
      {!preview.caps_applied && (
        <Alert kind="info">
          <p>{t('preview.capsNotApplied')}</p>
        </Alert>
      )}
      {preview.caps.length > 0 && (
        <DataTable<PreviewCap>
          caption={t('preview.capsCaption')}
          rowKey={(c) => c.id}
          rows={preview.caps}
          columns={[
            { header: t('preview.colName'), cell: (c) => c.name },
            { header: t('preview.colAreas'), cell: (c) => c.areas.join('・') },
            { header: t('preview.colCap'), cell: (c) => c.cap },
            { header: t('preview.colFilled'), cell: (c) => c.filled },
            { header: t('preview.colState'), cell: (c) => (c.at_cap ? <strong>{t('preview.atCap')}</strong> : t('preview.room', { count: c.remaining })) },
          ]}
        />
      )}
      <DataTable<PreviewArea>
        caption={t('preview.areasCaption')}
        rowKey={(a) => a.code}
        rows={preview.areas}
        columns={[
          { header: t('preview.colArea'), cell: (a) => (a.designation !== null ? `${a.name}（${a.designation}）` : a.name) },
          { header: t('preview.colCapacity'), cell: (a) => `${a.capacity}（${a.target}）` },
          { header: t('preview.colFilled'), cell: (a) => a.filled },
          { header: t('preview.colCapName'), cell: (a) => a.cap_name ?? t('preview.noCap') },
        ]}
      />
    </section>
  );
}

function DoctorsSection({ preview }: { preview: PlacementPreview }) {
  const { t } = usePlacementRoundsTranslation();
  return (
    <section aria-labelledby="preview-doctors" className="flex flex-col gap-4">
      <SectionHeading id="preview-doctors">{t('preview.doctorsHeading')}</SectionHeading>
      <DataTable<PreviewDoctor>
        caption={t('preview.doctorsCaption')}
        rowKey={(d) => d.id}
        rows={preview.doctors}
        columns={[
          { header: t('preview.colDoctor'), cell: (d) => d.name, className: 'whitespace-nowrap' },
          {
            header: t('preview.colAssigned'),
            cell: (d) =>
              d.assigned === null ? (
                <strong>{t('preview.unassigned')}</strong>
              ) : (
                <>
                  {d.assigned.name}
                  {d.choice !== null && t('preview.choice', { n: d.choice })}
                </>
              ),
          },
          {
            header: t('preview.colReasons'),
            cell: (d) =>
              d.reasons.length === 0 ? (
                t('preview.noReasons')
              ) : (
                <ul className="list-disc pl-5">
                  {d.reasons.map((r) => (
                    <li key={r.position_id}>{r.message}</li>
                  ))}
                </ul>
              ),
          },
        ]}
      />
    </section>
  );
}

function FollowUpSection({ preview }: { preview: PlacementPreview }) {
  const { t } = usePlacementRoundsTranslation();
  return (
    <section aria-labelledby="preview-follow-up" className="flex flex-col gap-3">
      <SectionHeading id="preview-follow-up">{t('preview.followUpHeading')}</SectionHeading>
      <h3 className="text-std-17B-170">{t('preview.unmatched')}</h3>
      {preview.unmatched.length === 0 ? (
        <p className="text-std-16N-170">{t('preview.noUnmatched')}</p>
      ) : (
        <ul className="list-disc pl-6 text-std-16N-170">
          {preview.unmatched.map((d) => (
            <li key={d.id}>{d.name}</li>
          ))}
        </ul>
      )}
      <h3 className="text-std-17B-170">{t('preview.unfilled')}</h3>
      {preview.unfilled.length === 0 ? (
        <p className="text-std-16N-170">{t('preview.noUnfilled')}</p>
      ) : (
        <ul className="list-disc pl-6 text-std-16N-170">
          {preview.unfilled.map((u) => (
            <li key={u.position_id}>{t('preview.unfilledLine', { name: u.name, seats: u.seats, capacity: u.capacity, target: u.target, filled: u.filled })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** One preview: whether it is current, the totals, the difference from the previous one, fills, reasons, follow-up. */
export function PreviewView({ preview }: { preview: PlacementPreview }) {
  const { t, language } = usePlacementRoundsTranslation();
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-2">
        <p className="text-std-16N-170 text-solid-gray-800">
          {t('preview.meta', { seq: preview.seq, at: formatDateTime(preview.created_at, language), by: preview.created_by, mechanism: preview.mechanism_label })}
        </p>
        {preview.current ? (
          <Alert kind="success">
            <p>{t('preview.current')}</p>
          </Alert>
        ) : (
          <Alert kind="info">
            <p>{t('preview.stale')}</p>
          </Alert>
        )}
        <p className="text-std-20B-150 text-solid-gray-900">{t('preview.totals', { doctors: preview.doctors_total, placed: preview.placed, seats: preview.seats })}</p>
        <p className="text-std-16N-170 text-solid-gray-800">
          {t('preview.audit', { result: preview.audit.stable && preview.audit.caps_respected ? t('preview.auditOk') : t('preview.auditNg') })}
        </p>
      </div>
      <DiffSection preview={preview} />
      <FillSection preview={preview} />
      <DoctorsSection preview={preview} />
      <FollowUpSection preview={preview} />
    </div>
  );
}
