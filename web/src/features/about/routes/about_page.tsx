import { Fragment } from 'react';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { PageHeading } from '../../../shared/ui/page_heading';
import { DATA_SOURCES } from '../data_sources';
import { useAboutTranslation } from '../i18n/about_i18n';

/** 「このサービスについて」: what the service is, and the credit every shipped data set's licence asks for. Public. */
export function AboutPage() {
  const { t } = useAboutTranslation();
  useDocumentTitle(t('title'));
  return (
    <div className="flex max-w-[48rem] flex-col gap-10">
      <div className="flex flex-col gap-4">
        <PageHeading>{t('title')}</PageHeading>
        <p className="text-std-16N-170 text-solid-gray-800">{t('lead')}</p>
      </div>
      <section aria-labelledby="about-data" className="flex flex-col gap-6">
        <h2 id="about-data" className="text-std-24B-150 text-solid-gray-900">
          {t('dataHeading')}
        </h2>
        <p className="text-std-16N-170 text-solid-gray-800">{t('dataLead')}</p>
        <ul className="flex flex-col gap-4">
          {DATA_SOURCES.map((source) => (
            <li key={source.id} className="rounded-8 border border-solid-gray-420 bg-white p-4 desktop:p-6">
              <h3 className="mb-3 text-std-18B-160 text-solid-gray-900">{t(`sources.${source.id}.name` as 'sources.areas.name')}</h3>
              <dl className="grid grid-cols-1 gap-x-6 gap-y-1 text-std-16N-170 desktop:grid-cols-[max-content_1fr]">
                {[
                  [t('usedForLabel'), t(`sources.${source.id}.usedFor` as 'sources.areas.usedFor')],
                  [t('creditLabel'), <span lang="ja">{source.credit}</span>],
                  [t('licenceLabel'), <span lang="ja">{source.licence}</span>],
                ].map(([label, value], i) => (
                  <Fragment key={i}>
                    <dt className="font-700 text-solid-gray-700">{label}</dt>
                    <dd className="mb-2 text-solid-gray-900 desktop:mb-0 [overflow-wrap:anywhere]">{value}</dd>
                  </Fragment>
                ))}
              </dl>
            </li>
          ))}
        </ul>
        <p className="text-std-16N-170 text-solid-gray-800">{t('designationNote')}</p>
      </section>
    </div>
  );
}
