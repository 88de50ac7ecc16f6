import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../shared/text/format_date';
import type { DevMail } from '../api/dev_mails_api';
import { MailBody } from './mail_body';

export const MailDetail = forwardRef<HTMLHeadingElement, { mail: DevMail }>(function MailDetail({ mail }, headingRef) {
  const { t, i18n } = useTranslation();
  return (
    <article aria-labelledby="mail-subject" className="flex flex-col gap-4 rounded-12 border border-solid-gray-420 bg-white p-6">
      <h2 id="mail-subject" ref={headingRef} tabIndex={-1} className="text-std-20B-150 text-solid-gray-900 focus:outline-none">
        {mail.subject}
      </h2>
      <dl className="grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-std-16N-170">
        <dt className="font-700 text-solid-gray-700">{t('mails.toLabel')}</dt>
        <dd className="break-all">{mail.to}</dd>
        <dt className="font-700 text-solid-gray-700">{t('mails.sentAtLabel')}</dt>
        <dd>
          <time dateTime={mail.created_at}>{formatDateTime(mail.created_at, i18n.language)}</time>
        </dd>
      </dl>
      <hr className="border-solid-gray-200" />
      <MailBody body={mail.body} />
    </article>
  );
});
