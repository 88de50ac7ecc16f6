import { useState } from 'react';
import { formatDateTime } from '../../../shared/text/format_date';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { FreeText } from '../../../shared/ui/free_text';
import { TextAreaField } from '../../../shared/ui/text_area_field';
import { useHandleChangeRequest, useInviteDoctor, type CareerChangeRequest, type CareerDoctor } from '../api/careers_api';
import { useCareersTranslation } from '../i18n/careers_i18n';
import { ErrorList } from './error_list';

/** The doctor's own account as the centre sees it: linked or invited, and the button that mails the invitation. */
export function DoctorAccount({ doctor }: { doctor: CareerDoctor }) {
  const { t, language } = useCareersTranslation();
  const invite = useInviteDoctor(doctor.id);
  const a = doctor.account;
  return (
    <div className="flex flex-col gap-4">
      <p className="text-std-16N-170 text-solid-gray-800">{t('account.lead')}</p>
      {a.linked ? (
        <p className="text-std-16B-170">{t('account.linked', { date: formatDateTime(a.linked_at ?? '', language) })}</p>
      ) : (
        <>
          <p className="text-std-16N-170">
            {a.invitation === null
              ? t('account.notInvited')
              : t('account.invited', { email: a.invitation.email, date: formatDateTime(a.invitation.sent_at, language), state: a.invitation.state_label })}
          </p>
          {invite.isError && <ErrorList error={invite.error} />}
          {invite.isSuccess && (
            <Alert kind="success">
              <p>{t('account.sent', { email: doctor.email ?? '' })}</p>
            </Alert>
          )}
          <div>
            <Button variant="secondary" busy={invite.isPending} onClick={() => invite.mutate()}>
              {a.invitation === null ? t('account.invite') : t('account.inviteAgain')}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}

function ChangeRequestItem({ doctorId, request }: { doctorId: string; request: CareerChangeRequest }) {
  const { t, language } = useCareersTranslation();
  const handle = useHandleChangeRequest(doctorId);
  const [reply, setReply] = useState('');
  return (
    <li className="flex flex-col gap-3 rounded-8 border border-solid-gray-420 p-4">
      <p className="text-std-16B-170">
        {formatDateTime(request.created_at, language)}（{request.author}）{request.handled ? t('requests.handledBadge') : t('requests.openBadge')}
      </p>
      <FreeText text={request.body} />
      {request.handled ? (
        <p className="text-std-16N-170 text-solid-gray-800">
          {t('requests.handledBy', { name: request.handled_by ?? '', date: formatDateTime(request.handled_at ?? '', language) })}
          {request.reply !== null && <span className="block whitespace-pre-wrap">{request.reply}</span>}
        </p>
      ) : (
        <div className="flex flex-col gap-3">
          {handle.isError && <ErrorList error={handle.error} />}
          <TextAreaField label={t('requests.reply')} name={`reply-${request.id}`} value={reply} onValueChange={setReply} rows={2} hint={t('requests.replyHint')} />
          <div>
            <Button variant="secondary" busy={handle.isPending} onClick={() => handle.mutate({ requestId: request.id, reply })}>
              {t('requests.markHandled')}
            </Button>
          </div>
        </div>
      )}
    </li>
  );
}

/** The doctor's requests for a change of plan: open ones first in the centre's queue, answered here. */
export function ChangeRequests({ doctor }: { doctor: CareerDoctor }) {
  const { t } = useCareersTranslation();
  if (doctor.change_requests.length === 0) return <p className="text-std-16N-170 text-solid-gray-800">{t('requests.none')}</p>;
  return (
    <ul className="flex flex-col gap-3 text-std-16N-170">
      {doctor.change_requests.map((r) => (
        <ChangeRequestItem key={r.id} doctorId={doctor.id} request={r} />
      ))}
    </ul>
  );
}
