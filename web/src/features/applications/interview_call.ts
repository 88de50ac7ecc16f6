import type { SignalType } from './api/applications_api';
import { isRecord, type InterviewSignal } from './live_events';

/**
 * One side of the online interview: a WebRTC peer connection whose offers,
 * answers and ICE candidates travel through the server's relay
 * (POST /api/v1/interviews/{id}/signal, received as `interview_signal`).
 * No STUN or TURN server is configured (`iceServers: []`): the browsers use
 * their own addresses.
 *
 * The seeker announces itself with `hello`; the facility answers every
 * `hello` (and its own arrival) with a fresh offer, so whoever comes first
 * waits and the second one connects them. Every offer carries a session id
 * that its answer and candidates repeat, so a late message of an earlier
 * attempt is never applied to the current one. `bye` closes the connection
 * and the other side waits for the next attempt.
 */

export type RoomSide = 'seeker' | 'facility';
export type CallState = 'waiting' | 'connecting' | 'connected' | 'disconnected' | 'peerLeft' | 'left';

export interface InterviewCallOptions {
  side: RoomSide;
  stream: MediaStream;
  /** Sends one signalling message; calls are made one after another, in order. */
  send: (type: SignalType, data: unknown) => Promise<void>;
  onState: (state: CallState) => void;
  onRemoteStream: (stream: MediaStream | null) => void;
  /** A signalling message could not be sent. */
  onSendError?: (error: unknown) => void;
  createPeerConnection?: (configuration: RTCConfiguration) => RTCPeerConnection;
}

interface Description {
  type: RTCSdpType;
  sdp: string;
}

export class InterviewCall {
  private readonly options: InterviewCallOptions;
  private peer: RTCPeerConnection | null = null;
  private session: string | null = null;
  private pending: RTCIceCandidateInit[] = [];
  private outbox: Promise<void> = Promise.resolve();
  private inbox: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(options: InterviewCallOptions) {
    this.options = options;
  }

  /** Enters the room: the seeker says hello, the facility makes an offer in case the seeker is already there. */
  start(): void {
    this.options.onState('waiting');
    if (this.options.side === 'seeker') {
      this.post('hello', {});
    } else {
      this.inbox = this.inbox.then(() => this.offer()).catch(() => undefined);
    }
  }

  /** A signal from the other side (already filtered to this interview and the other side). */
  receive(signal: Pick<InterviewSignal, 'type' | 'data'>): void {
    if (this.closed) {
      return;
    }
    this.inbox = this.inbox.then(() => this.handle(signal)).catch(() => undefined);
  }

  /** Leaves the room: tells the other side, then stops. */
  leave(): void {
    if (this.closed) {
      return;
    }
    this.post('bye', {});
    this.closed = true;
    this.closePeer();
    this.options.onRemoteStream(null);
    this.options.onState('left');
  }

  /** The peer connection's state, for tests and diagnostics. */
  get connectionState(): RTCPeerConnectionState | null {
    return this.peer?.connectionState ?? null;
  }

  private async handle({ type, data }: Pick<InterviewSignal, 'type' | 'data'>): Promise<void> {
    const side = this.options.side;
    switch (type) {
      case 'hello':
        if (side === 'facility') {
          await this.offer();
        }
        return;
      case 'offer': {
        const offer = sessionDescription(data, 'offer');
        if (side === 'seeker' && offer !== null) {
          await this.answer(offer.session, offer.description);
        }
        return;
      }
      case 'answer': {
        const answer = sessionDescription(data, 'answer');
        if (side === 'facility' && answer !== null && answer.session === this.session && this.peer !== null) {
          await this.peer.setRemoteDescription(answer.description);
          await this.flushCandidates();
        }
        return;
      }
      case 'candidate': {
        const candidate = sessionCandidate(data);
        if (candidate === null || candidate.session !== this.session || this.peer === null) {
          return;
        }
        if (this.peer.remoteDescription === null) {
          this.pending.push(candidate.candidate);
        } else {
          await this.peer.addIceCandidate(candidate.candidate).catch(() => undefined);
        }
        return;
      }
      case 'bye':
        this.closePeer();
        this.options.onRemoteStream(null);
        this.options.onState('peerLeft');
        return;
    }
  }

  private async offer(): Promise<void> {
    const session = newSessionId();
    const peer = this.newPeer(session);
    const offer = await peer.createOffer();
    await peer.setLocalDescription(offer);
    this.post('offer', { session, description: { type: offer.type, sdp: offer.sdp ?? '' } });
  }

  private async answer(session: string, description: Description): Promise<void> {
    const peer = this.newPeer(session);
    this.options.onState('connecting');
    await peer.setRemoteDescription(description);
    await this.flushCandidates();
    const answer = await peer.createAnswer();
    await peer.setLocalDescription(answer);
    this.post('answer', { session, description: { type: answer.type, sdp: answer.sdp ?? '' } });
  }

  private newPeer(session: string): RTCPeerConnection {
    this.closePeer();
    const create = this.options.createPeerConnection ?? ((configuration: RTCConfiguration) => new RTCPeerConnection(configuration));
    const peer = create({ iceServers: [] });
    this.peer = peer;
    this.session = session;
    this.pending = [];
    for (const track of this.options.stream.getTracks()) {
      peer.addTrack(track, this.options.stream);
    }
    peer.addEventListener('icecandidate', (event) => {
      if (event.candidate !== null && this.peer === peer) {
        this.post('candidate', { session, candidate: event.candidate.toJSON() });
      }
    });
    peer.addEventListener('track', (event) => {
      if (this.peer === peer) {
        this.options.onRemoteStream(event.streams[0] ?? new MediaStream([event.track]));
      }
    });
    peer.addEventListener('connectionstatechange', () => {
      if (this.peer !== peer) {
        return;
      }
      switch (peer.connectionState) {
        case 'connecting':
          this.options.onState('connecting');
          break;
        case 'connected':
          this.options.onState('connected');
          break;
        case 'disconnected':
        case 'failed':
          this.options.onState('disconnected');
          break;
        default:
          break;
      }
    });
    return peer;
  }

  private async flushCandidates(): Promise<void> {
    const peer = this.peer;
    const queued = this.pending;
    this.pending = [];
    for (const candidate of queued) {
      await peer?.addIceCandidate(candidate).catch(() => undefined);
    }
  }

  private closePeer(): void {
    const peer = this.peer;
    this.peer = null;
    this.session = null;
    this.pending = [];
    peer?.close();
  }

  /** Messages leave one after another, so the other side receives an offer before its candidates. */
  private post(type: SignalType, data: unknown): void {
    this.outbox = this.outbox
      .then(() => this.options.send(type, data))
      .catch((error: unknown) => this.options.onSendError?.(error));
  }
}

function newSessionId(): string {
  return typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;
}

/** `{session, description: {type, sdp}}` of the expected type, or null. */
export function sessionDescription(data: unknown, type: 'offer' | 'answer'): { session: string; description: Description } | null {
  if (!isRecord(data) || typeof data.session !== 'string' || !isRecord(data.description)) {
    return null;
  }
  const description = data.description;
  if (description.type !== type || typeof description.sdp !== 'string') {
    return null;
  }
  return { session: data.session, description: { type, sdp: description.sdp } };
}

/** `{session, candidate: RTCIceCandidateInit}`, or null. */
export function sessionCandidate(data: unknown): { session: string; candidate: RTCIceCandidateInit } | null {
  if (!isRecord(data) || typeof data.session !== 'string' || !isRecord(data.candidate) || typeof data.candidate.candidate !== 'string') {
    return null;
  }
  const candidate = data.candidate;
  return {
    session: data.session,
    candidate: {
      candidate: candidate.candidate as string,
      sdpMid: typeof candidate.sdpMid === 'string' ? candidate.sdpMid : null,
      sdpMLineIndex: typeof candidate.sdpMLineIndex === 'number' ? candidate.sdpMLineIndex : null,
      usernameFragment: typeof candidate.usernameFragment === 'string' ? candidate.usernameFragment : null,
    },
  };
}
