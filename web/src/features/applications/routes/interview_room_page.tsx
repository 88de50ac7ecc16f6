import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import { ApiError } from '../../../shared/api/api_error';
import { messageForError } from '../../../shared/forms/form_errors';
import { useDocumentTitle } from '../../../shared/hooks/use_document_title';
import { useMessageText, type Message } from '../../../shared/i18n/message';
import type { SessionUser } from '../../../shared/session/session_api';
import { Alert } from '../../../shared/ui/alert';
import { Button } from '../../../shared/ui/button';
import { LoadingIndicator } from '../../../shared/ui/loading_indicator';
import { NarrowPage } from '../../../shared/ui/narrow_page';
import { PageHeading } from '../../../shared/ui/page_heading';
import { TextLink } from '../../../shared/ui/text_link';
import { sendInterviewSignal, useApplication, type Interview } from '../api/applications_api';
import { useApplicationsTranslation } from '../i18n/applications_i18n';
import { InterviewCall, type CallState, type RoomSide } from '../interview_call';
import { formatSlot } from '../interview_slots';
import type { InterviewSignal } from '../live_events';
import { mediaProblemOf, openCameraAndMicrophone, roomSupported, stopStream, type MediaProblem } from '../room_media';
import { useLiveEvents } from '../use_live_events';

/**
 * 「オンライン面接ルーム」 of a scheduled online interview: the seeker and the
 * facility's staff see and hear each other, browser to browser. The page asks
 * for the camera and microphone only when the user chooses to enter, and says
 * in plain words what to do when the browser refuses them.
 */
export function InterviewRoomPage({ user }: { user: SessionUser }) {
  const { t } = useApplicationsTranslation();
  const text = useMessageText();
  useDocumentTitle(t('room.title'));
  const { id = '' } = useParams();
  const application = useApplication(id);
  const side: RoomSide | null = user.role === 'seeker' ? 'seeker' : user.role === 'facility' ? 'facility' : null;

  const backLink = (
    <p className="text-std-16N-170">
      <TextLink to={`/applications/${encodeURIComponent(id)}`}>{t('room.backToApplication')}</TextLink>
    </p>
  );

  if (application.isPending) {
    return <LoadingIndicator />;
  }
  if (application.isError) {
    const notFound = application.error instanceof ApiError && application.error.status === 404;
    return (
      <NarrowPage heading={t('room.title')}>
        <Alert kind={notFound ? 'info' : 'error'}>
          <p>{notFound ? t('detail.notFound') : text(messageForError(application.error))}</p>
        </Alert>
      </NarrowPage>
    );
  }
  const interview = [...application.data.interviews].reverse().find((candidate) => candidate.status === 'scheduled' && candidate.online);
  const problem = side === null ? t('room.notParticipant') : interview === undefined ? t('room.notScheduled') : !roomSupported() ? t('room.unsupported') : null;

  return (
    <div className="flex flex-col gap-8">
      <div className="flex flex-col gap-4">
        {backLink}
        <PageHeading>{t('room.title')}</PageHeading>
        <p className="text-std-20B-150 text-solid-gray-900">{application.data.posting.title}</p>
        <p className="text-std-16N-170 text-solid-gray-800">{t('room.lead')}</p>
      </div>
      {problem !== null || side === null || interview === undefined ? (
        <Alert kind="info">
          <p>{problem}</p>
        </Alert>
      ) : (
        <Room interview={interview} side={side} />
      )}
    </div>
  );
}

function Room({ interview, side }: { interview: Interview; side: RoomSide }) {
  const { t, language } = useApplicationsTranslation();
  const text = useMessageText();
  const [state, setState] = useState<CallState | 'idle' | 'joining'>('idle');
  const [mediaProblem, setMediaProblem] = useState<MediaProblem | null>(null);
  const [sendError, setSendError] = useState<Message | null>(null);
  const [localStream, setLocalStream] = useState<MediaStream | null>(null);
  const [remoteStream, setRemoteStream] = useState<MediaStream | null>(null);
  const [microphoneOn, setMicrophoneOn] = useState(true);
  const [cameraOn, setCameraOn] = useState(true);
  const callRef = useRef<InterviewCall | null>(null);
  const startedRef = useRef(false);
  const localVideo = useRef<HTMLVideoElement>(null);
  const remoteVideo = useRef<HTMLVideoElement>(null);

  const onSignal = useCallback(
    (signal: InterviewSignal) => {
      if (signal.interviewId === interview.id && signal.from !== side) {
        callRef.current?.receive(signal);
      }
    },
    [interview.id, side],
  );
  const streamReady = useLiveEvents({ onSignal });

  // The call starts once both the media and the event stream are there (so the answer to our hello can reach us).
  useEffect(() => {
    if (streamReady && callRef.current !== null && !startedRef.current) {
      startedRef.current = true;
      callRef.current.start();
    }
  }, [streamReady, localStream]);

  useEffect(() => {
    if (localVideo.current !== null) {
      localVideo.current.srcObject = localStream;
    }
  }, [localStream]);
  useEffect(() => {
    if (remoteVideo.current !== null) {
      remoteVideo.current.srcObject = remoteStream;
    }
  }, [remoteStream]);

  // Leaving the page leaves the room and frees the camera.
  useEffect(
    () => () => {
      callRef.current?.leave();
      callRef.current = null;
    },
    [],
  );
  useEffect(() => () => stopStream(localStream), [localStream]);

  async function join(): Promise<void> {
    setMediaProblem(null);
    setSendError(null);
    setState('joining');
    let stream: MediaStream;
    try {
      stream = await openCameraAndMicrophone();
    } catch (error) {
      setMediaProblem(mediaProblemOf(error));
      setState('idle');
      return;
    }
    setMicrophoneOn(true);
    setCameraOn(true);
    startedRef.current = false;
    callRef.current = new InterviewCall({
      side,
      stream,
      send: (type, data) => sendInterviewSignal(interview.id, type, data),
      onState: setState,
      onRemoteStream: setRemoteStream,
      onSendError: (error) => setSendError(messageForError(error)),
    });
    setLocalStream(stream);
  }

  function leave(): void {
    callRef.current?.leave();
    callRef.current = null;
    setLocalStream(null);
    setRemoteStream(null);
  }

  function toggle(kind: 'audio' | 'video'): void {
    const enabled = kind === 'audio' ? !microphoneOn : !cameraOn;
    for (const track of localStream?.getTracks() ?? []) {
      if (track.kind === kind) {
        track.enabled = enabled;
      }
    }
    if (kind === 'audio') {
      setMicrophoneOn(enabled);
    } else {
      setCameraOn(enabled);
    }
  }

  const inRoom = localStream !== null;
  const stateText = state === 'joining' ? t('room.joining') : t(`room.states.${state}`);
  return (
    <div className="flex flex-col gap-6">
      <p className="text-std-17B-170 text-solid-gray-900">
        {t('room.scheduledAt', { time: formatSlot(interview.chosen_slot ?? '', language), duration: interview.duration_minutes })}
      </p>
      <p className="flex flex-wrap items-baseline gap-x-3 text-std-16N-170">
        <span className="font-700 text-solid-gray-700">{t('room.statusLabel')}</span>
        <span role="status" data-room-state={state} className="text-solid-gray-900">
          {stateText}
        </span>
      </p>
      {mediaProblem !== null && (
        <Alert kind="error">
          <p>{t(`room.errors.${mediaProblem}`)}</p>
        </Alert>
      )}
      {sendError !== null && (
        <Alert kind="error">
          <p>
            {t('room.errors.signalFailed')} {text(sendError)}
          </p>
        </Alert>
      )}
      <div className="grid grid-cols-1 gap-4 desktop:grid-cols-2">
        <figure className="flex flex-col gap-2">
          <video
            ref={remoteVideo}
            autoPlay
            playsInline
            aria-label={t('room.remoteVideo')}
            className="aspect-video w-full rounded-8 border border-solid-gray-420 bg-solid-gray-900"
          />
          <figcaption className="text-std-16N-170 text-solid-gray-800">
            {t('room.remoteVideo')}
            {remoteStream === null && `：${t('room.remoteWaiting')}`}
          </figcaption>
        </figure>
        <figure className="flex flex-col gap-2">
          <video
            ref={localVideo}
            autoPlay
            playsInline
            muted
            aria-label={t('room.localVideo')}
            className="aspect-video w-full rounded-8 border border-solid-gray-420 bg-solid-gray-900"
          />
          <figcaption className="text-std-16N-170 text-solid-gray-800">{t('room.localVideo')}</figcaption>
        </figure>
      </div>
      {inRoom ? (
        <div className="flex flex-col gap-3 desktop:flex-row desktop:flex-wrap">
          <Button variant="secondary" onClick={() => toggle('audio')}>
            {microphoneOn ? t('room.mute') : t('room.unmute')}
          </Button>
          <Button variant="secondary" onClick={() => toggle('video')}>
            {cameraOn ? t('room.cameraOff') : t('room.cameraOn')}
          </Button>
          <Button onClick={leave}>{t('room.leave')}</Button>
        </div>
      ) : (
        <div>
          <Button busy={state === 'joining'} onClick={() => void join()} className="w-full desktop:w-auto">
            {state === 'left' ? t('room.rejoin') : t('room.join')}
          </Button>
        </div>
      )}
    </div>
  );
}
