import { useState, type FormEvent } from 'react';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { CheckboxField } from '../../../shared/ui/checkbox_field';
import { CollapsibleSection } from '../../../shared/ui/collapsible_section';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { ErrorList } from '../components/error_list';
import {
  usePlacementFacilities,
  useSaveCaps,
  useSavePositions,
  useUpdateRound,
  type PlacementFacilities,
  type PlacementRound,
} from '../api/placement_rounds_api';
import { RoundFrame } from '../components/round_frame';
import { RoundSettingsForm, settingsOf } from '../components/round_settings_form';
import { usePlacementRoundsTranslation } from '../i18n/placement_rounds_i18n';
import { capForApi, positionForApi, type CapRow, type PositionRow } from '../rank_order';

const DESIGNATIONS = ['医師多数区域', '中間', '医師少数区域'];

function areaLabel(a: { name: string; designation: string | null }) {
  return a.designation !== null ? `${a.name}（${a.designation}）` : a.name;
}

/** The form's rows of the positions the server keeps (with their ids, so that a save keeps them and their ranks). */
function positionRows(round: PlacementRound, facilities: PlacementFacilities): PositionRow[] {
  return round.positions.map((p) => ({
    id: p.id,
    facilityId: p.facility_id ?? '',
    facilityName: p.facility_id === null ? p.facility_name : '',
    department: p.department ?? '',
    // A facility on the platform brings its area unless the centre chose another.
    areaCode: p.facility_id !== null && facilities.items.find((f) => f.id === p.facility_id)?.area_code === p.area_code ? '' : p.area_code,
    capacity: String(p.capacity),
    target: String(p.target),
  }));
}

function capRows(round: PlacementRound): CapRow[] {
  return round.caps.map((c) => ({ id: c.id, name: c.name, designation: c.designation ?? '', areaCodes: c.area_codes, cap: String(c.cap) }));
}

function PositionsEditor({ round, facilities }: { round: PlacementRound; facilities: PlacementFacilities }) {
  const { t } = usePlacementRoundsTranslation();
  const save = useSavePositions(round.id);
  const [saved, setSaved] = useState(false);
  const fromPlatform = new Set(facilities.items.map((f) => f.id));
  const [rows, setRows] = useState<PositionRow[]>(() => positionRows(round, facilities));
  const setRow = (index: number, change: Partial<PositionRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const disabled = round.state !== 'open';
  const facilityOptions = [
    { value: '', label: t('positions.facilityOther') },
    ...facilities.items.map((f) => ({ value: f.id, label: f.area_name !== null ? `${f.name}（${f.area_name}）` : f.name })),
  ];
  const areaOptions = facilities.areas.map((a) => ({ value: a.code, label: areaLabel(a) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    // The rows start again from what the server kept: new positions get their ids, so the next save keeps them.
    save.mutateAsync({ positions: rows.map(positionForApi) }).then(
      (kept) => {
        setRows(positionRows(kept, facilities));
        setSaved(true);
      },
      () => undefined, // shown by save.error
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {save.isError && <ErrorList error={save.error} />}
      {saved && (
        <Alert kind="success">
          <p>{t('positions.saved')}</p>
        </Alert>
      )}
      {rows.length === 0 && <p className="text-std-16N-170">{t('positions.empty')}</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.id ?? `new-${index}`} className="grid gap-3 rounded-8 border border-solid-gray-420 p-4 desktop:grid-cols-3">
            <legend className="px-1 text-std-17B-170">{t('positions.row', { n })}</legend>
            <SelectField
              label={t('positions.facility', { n })}
              name={`position-facility-${n}`}
              value={fromPlatform.has(row.facilityId) ? row.facilityId : ''}
              onValueChange={(facilityId) => setRow(index, { facilityId })}
              options={facilityOptions}
              promptLabel={null}
              disabled={disabled}
            />
            {row.facilityId === '' && (
              <TextField
                label={t('positions.facilityName', { n })}
                name={`position-name-${n}`}
                value={row.facilityName}
                onValueChange={(facilityName) => setRow(index, { facilityName })}
                disabled={disabled}
                required
              />
            )}
            <TextField
              label={t('positions.department', { n })}
              name={`position-department-${n}`}
              value={row.department}
              onValueChange={(department) => setRow(index, { department })}
              disabled={disabled}
            />
            <SelectField
              label={t('positions.area', { n })}
              name={`position-area-${n}`}
              value={row.areaCode}
              onValueChange={(areaCode) => setRow(index, { areaCode })}
              options={areaOptions}
              promptLabel={row.facilityId !== '' ? t('positions.areaFromAddress') : undefined}
              disabled={disabled}
            />
            <TextField
              label={t('positions.capacity', { n })}
              name={`position-capacity-${n}`}
              value={row.capacity}
              onValueChange={(capacity) => setRow(index, { capacity })}
              inputMode="numeric"
              disabled={disabled}
              required
            />
            <TextField
              label={t('positions.target', { n })}
              name={`position-target-${n}`}
              value={row.target}
              onValueChange={(target) => setRow(index, { target })}
              inputMode="numeric"
              disabled={disabled}
            />
            {!disabled && (
              <div className="flex items-end">
                <Button variant="text" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                  {t('positions.remove', { n })}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {!disabled && (
        <>
          <div>
            <Button
              variant="secondary"
              onClick={() => setRows((all) => [...all, { facilityId: '', facilityName: '', department: '', areaCode: '', capacity: '1', target: '1' }])}
            >
              {t('positions.add')}
            </Button>
          </div>
          <SubmitButton busy={save.isPending} label={t('positions.save')} busyLabel={t('positions.saving')} />
        </>
      )}
    </form>
  );
}

function CapsEditor({ round, facilities }: { round: PlacementRound; facilities: PlacementFacilities }) {
  const { t } = usePlacementRoundsTranslation();
  const save = useSaveCaps(round.id);
  const [saved, setSaved] = useState(false);
  const [rows, setRows] = useState<CapRow[]>(() => capRows(round));
  const setRow = (index: number, change: Partial<CapRow>) => setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)));
  const disabled = round.state !== 'open';
  const scopeOptions = [
    { value: '', label: t('caps.scopeAreas') },
    ...DESIGNATIONS.map((d) => ({ value: d, label: t('caps.scopeDesignation', { designation: d }) })),
  ];

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    save.mutateAsync({ caps: rows.map(capForApi) }).then(
      (kept) => {
        setRows(capRows(kept));
        setSaved(true);
      },
      () => undefined, // shown by save.error
    );
  }

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4">
      {save.isError && <ErrorList error={save.error} />}
      {saved && (
        <Alert kind="success">
          <p>{t('caps.saved')}</p>
        </Alert>
      )}
      {rows.length === 0 && <p className="text-std-16N-170">{t('caps.empty')}</p>}
      {rows.map((row, index) => {
        const n = index + 1;
        return (
          <fieldset key={row.id ?? `new-${index}`} className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
            <legend className="px-1 text-std-17B-170">{t('caps.row', { n })}</legend>
            <div className="grid gap-3 desktop:grid-cols-3">
              <TextField
                label={t('caps.name', { n })}
                name={`cap-name-${n}`}
                value={row.name}
                onValueChange={(name) => setRow(index, { name })}
                hint={t('caps.nameHint')}
                disabled={disabled}
              />
              <SelectField
                label={t('caps.scope', { n })}
                name={`cap-scope-${n}`}
                value={row.designation}
                onValueChange={(designation) => setRow(index, { designation })}
                options={scopeOptions}
                promptLabel={null}
                disabled={disabled}
              />
              <TextField
                label={t('caps.cap', { n })}
                name={`cap-cap-${n}`}
                value={row.cap}
                onValueChange={(cap) => setRow(index, { cap })}
                inputMode="numeric"
                disabled={disabled}
                required
              />
            </div>
            {row.designation === '' && (
              <fieldset className="flex flex-col gap-2">
                <legend className="text-std-16B-170">{t('caps.areas', { n })}</legend>
                <div className="grid gap-2 desktop:grid-cols-3">
                  {facilities.areas.map((a) => (
                    <CheckboxField
                      key={a.code}
                      label={areaLabel(a)}
                      name={`cap-${n}-area-${a.code}`}
                      checked={row.areaCodes.includes(a.code)}
                      onCheckedChange={(on) =>
                        setRow(index, { areaCodes: on ? [...row.areaCodes, a.code] : row.areaCodes.filter((c) => c !== a.code) })
                      }
                    />
                  ))}
                </div>
              </fieldset>
            )}
            {!disabled && (
              <div>
                <Button variant="text" onClick={() => setRows((all) => all.filter((_, i) => i !== index))}>
                  {t('caps.remove', { n })}
                </Button>
              </div>
            )}
          </fieldset>
        );
      })}
      {!disabled && (
        <>
          <div>
            <Button variant="secondary" onClick={() => setRows((all) => [...all, { name: '', designation: '医師多数区域', areaCodes: [], cap: '1' }])}>
              {t('caps.add')}
            </Button>
          </div>
          <SubmitButton busy={save.isPending} label={t('caps.save')} busyLabel={t('caps.saving')} />
        </>
      )}
    </form>
  );
}

function Settings({ round }: { round: PlacementRound }) {
  const { t } = usePlacementRoundsTranslation();
  const update = useUpdateRound(round.id);
  const [saved, setSaved] = useState(false);
  const [open, setOpen] = useState(false);
  return (
    <CollapsibleSection id="round-settings" heading={t('round.settingsHeading')} open={open} onOpenChange={setOpen}>
      <RoundSettingsForm
        creating={false}
        initial={settingsOf(round)}
        busy={update.isPending}
        error={update.error}
        saved={saved}
        onSubmit={(body) => {
          setSaved(false);
          update.mutate(body, { onSuccess: () => setSaved(true) });
        }}
      />
    </CollapsibleSection>
  );
}

/** Step 1 of a round: what each facility offers, the regional caps, and the round's settings. */
export function RoundSetupPage() {
  const { t } = usePlacementRoundsTranslation();
  const facilities = usePlacementFacilities();
  return (
    <RoundFrame tab="setup">
      {(round) => (
        <div className="flex flex-col gap-10">
          <section aria-labelledby="positions-heading" className="flex flex-col gap-4">
            <SectionHeading id="positions-heading">{t('positions.heading')}</SectionHeading>
            <p className="text-std-16N-170 text-solid-gray-800">{t('positions.lead')}</p>
            {facilities.data !== undefined && <PositionsEditor key={round.id} round={round} facilities={facilities.data} />}
          </section>
          <section aria-labelledby="caps-heading" className="flex flex-col gap-4">
            <SectionHeading id="caps-heading">{t('caps.heading')}</SectionHeading>
            <p className="text-std-16N-170 text-solid-gray-800">{t('caps.lead')}</p>
            {facilities.data !== undefined && <CapsEditor key={round.id} round={round} facilities={facilities.data} />}
          </section>
          {round.state === 'open' && <Settings round={round} />}
        </div>
      )}
    </RoundFrame>
  );
}
