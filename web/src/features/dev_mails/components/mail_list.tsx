import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../shared/text/format_date';
import type { DevMail } from '../api/dev_mails_api';

/** Mails newest first; each entry links to ?id=… so a selection can be bookmarked or shared. */
export function MailList({ mails, selectedId }: { mails: readonly DevMail[]; selectedId: string | null }) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="flex flex-col gap-2">
      {mails.map((mail) => {
        const selected = mail.id === selectedId;
        return (
          <li key={mail.id}>
            <Link
              to={{ search: `?id=${encodeURIComponent(mail.id)}` }}
              aria-current={selected ? 'true' : undefined}
              className={`flex flex-col gap-1 rounded-8 border p-4 hover:border-blue-900 hover:bg-blue-50 ${
                selected ? 'border-blue-900 border-l-8 bg-blue-50' : 'border-solid-gray-420 bg-white'
              }`}
            >
              <span className="text-dns-14N-130 text-solid-gray-700">
                <span className="sr-only">{t('mails.toLabel')}: </span>
                <span className="break-all">{mail.to}</span>
              </span>
              <span className="text-std-16B-170 text-blue-1000 underline underline-offset-[3px]">
                <span className="sr-only">{t('mails.subjectLabel')}: </span>
                {mail.subject}
              </span>
              <span className="text-dns-14N-130 text-solid-gray-700">
                <span className="sr-only">{t('mails.sentAtLabel')}: </span>
                <time dateTime={mail.created_at}>{formatDateTime(mail.created_at, i18n.language)}</time>
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
