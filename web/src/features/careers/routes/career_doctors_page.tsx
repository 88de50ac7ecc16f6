import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText } from '../../../shared/i18n/message';
import { Alert } from '../../../shared/ui/alert';
import { Badge } from '../../../shared/ui/badge';
import { DataTable } from '../../../shared/ui/data_table';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { PageHeading } from '../../../shared/ui/page_heading';
import { SectionHeading } from '../../../shared/ui/section_heading';
import { SelectField } from '../../../shared/ui/select_field';
import { SubmitButton } from '../../../shared/ui/submit_button';
import { TextField } from '../../../shared/ui/text_field';
import { TEXT_LINK_CLASSES, TextLink } from '../../../shared/ui/text_link';
import { useCareerDoctors, useCareerProgrammes, useRegisterDoctor, type CareerDoctorSummary } from '../api/careers_api';
import { CareerNav } from '../components/career_nav';
import { RegistryImport } from '../components/registry_import';
import { ErrorList } from '../components/error_list';
import { useCareersTranslation } from '../i18n/careers_i18n';

const DOCTOR_KINDS = ['regional_prefecture_loan', 'regional_other_loan', 'regional_no_loan', 'jichi', 'voluntary'] as const;

function RegisterForm() {
  const { t } = useCareersTranslation();
  const navigate = useNavigate();
  const register = useRegisterDoctor();
  const programmes = useCareerProgrammes();
  const [name, setName] = useState('');
  const [kana, setKana] = useState('');
  const [kind, setKind] = useState('');
  const [university, setUniversity] = useState('');
  const [year, setYear] = useState('');
  const [loan, setLoan] = useState('0');
  const [programme, setProgramme] = useState('');
  const [wish, setWish] = useState('');

  function submit(event: FormEvent) {
    event.preventDefault();
    register.mutate(
      {
        name, name_kana: kana || undefined, kind, university, graduation_year: year === '' ? undefined : Number(year), loan_months: Number(loan || 0),
        programme_id: programme || undefined, specialty_wish: wish || undefined,
      },
      { onSuccess: (d) => navigate(`/career/doctors/${encodeURIComponent(d.id)}`) },
    );
  }
  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-6">
      {register.isError && <ErrorList error={register.error} />}
      <div className="grid gap-6 desktop:grid-cols-2">
        <TextField label={t('doctors.name')} name="name" value={name} onValueChange={setName} required />
        <TextField label={t('doctors.nameKana')} name="name_kana" value={kana} onValueChange={setKana} />
        <SelectField label={t('doctors.kind')} name="kind" value={kind} onValueChange={setKind} required
          options={DOCTOR_KINDS.map((k) => ({ value: k, label: t(`doctors.kinds.${k}`) }))} />
        <TextField label={t('doctors.university')} name="university" value={university} onValueChange={setUniversity} required />
        <TextField label={t('doctors.graduationYear')} name="graduation_year" value={year} onValueChange={setYear} inputMode="numeric" required />
        <TextField label={t('doctors.loanMonths')} name="loan_months" value={loan} onValueChange={setLoan} inputMode="numeric" />
        <SelectField label={t('doctors.programme')} name="programme_id" value={programme} onValueChange={setProgramme}
          options={(programmes.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))} />
        <TextField label={t('doctors.specialtyWish')} name="specialty_wish" value={wish} onValueChange={setWish} />
      </div>
      <div>
        <SubmitButton busy={register.isPending} label={t('doctors.register')} busyLabel={t('doctors.registering')} />
      </div>
    </form>
  );
}

/** 「義務年限医師の名簿」: the centre's doctors with status and plan, and registering one. */
export function CareerDoctorsPage() {
  const { t } = useCareersTranslation();
  useDocumentTitle(t('doctors.title'));
  const text = useMessageText();
  const doctors = useCareerDoctors();
  const columns = [
    { header: t('doctors.name'), cell: (d: CareerDoctorSummary) => <TextLink to={`/career/doctors/${encodeURIComponent(d.id)}`}>{d.name}</TextLink> },
    { header: t('doctors.kind'), cell: (d: CareerDoctorSummary) => d.kind_label },
    { header: t('doctors.graduationYear'), cell: (d: CareerDoctorSummary) => String(d.graduation_year) },
    { header: t('doctors.status'), cell: (d: CareerDoctorSummary) => d.status_label },
    { header: t('doctors.programme'), cell: (d: CareerDoctorSummary) => d.programme_name ?? '—' },
    {
      header: t('doctors.plan'),
      cell: (d: CareerDoctorSummary) =>
        d.plan === null ? (
          t('doctors.noPlan')
        ) : (
          <span className="flex flex-wrap gap-2">
            {d.plan.state_label}
            {d.plan.violations > 0 && <Badge kind="urgent">{t('doctors.violations', { count: d.plan.violations })}</Badge>}
          </span>
        ),
    },
  ];
  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('doctors.title')}</PageHeading>
        <CareerNav />
        <p className="text-std-16N-170 text-solid-gray-800">{t('doctors.lead')}</p>
      </div>
      <section aria-labelledby="doctor-import" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="doctor-import">{t('import.heading')}</SectionHeading>
        <RegistryImport />
      </section>
      <section aria-labelledby="doctor-list" className="flex flex-col gap-4">
        <SectionHeading id="doctor-list">{t('doctors.listHeading')}</SectionHeading>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <a className={TEXT_LINK_CLASSES} href="/api/v1/career/doctors.csv" download>
            {t('doctors.csv')}
          </a>
          <a className={TEXT_LINK_CLASSES} href="/api/v1/career/ledger.csv" download>
            {t('doctors.ledgerCsv')}
          </a>
        </div>
        {doctors.isPending && <LoadingIndicator />}
        {doctors.isError && (
          <Alert kind="error">
            <p>{text(messageForError(doctors.error))}</p>
          </Alert>
        )}
        {doctors.data !== undefined &&
          (doctors.data.items.length === 0 ? (
            <p className="text-std-16N-170">{t('doctors.empty')}</p>
          ) : (
            <DataTable caption={t('doctors.listHeading')} columns={columns} rows={doctors.data.items} rowKey={(d) => d.id} />
          ))}
      </section>
      <section aria-labelledby="doctor-register" className="flex flex-col gap-6 rounded-12 border border-solid-gray-420 bg-white p-5 desktop:p-8">
        <SectionHeading id="doctor-register">{t('doctors.registerHeading')}</SectionHeading>
        <RegisterForm />
      </section>
    </div>
  );
}
