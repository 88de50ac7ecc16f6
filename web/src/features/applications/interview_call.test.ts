import { describe, expect, it } from 'vitest';
import type { SignalType } from './api/applications_api';
import { InterviewCall, type CallState } from './interview_call';

/** A stand-in for RTCPeerConnection that records what the call does with it. */
class FakePeer extends EventTarget {
  static created: FakePeer[] = [];
  localDescription: RTCSessionDescriptionInit | null = null;
  remoteDescription: RTCSessionDescriptionInit | null = null;
  candidates: RTCIceCandidateInit[] = [];
  closed = false;
  tracks = 0;
  connectionState: RTCPeerConnectionState = 'new';
  constructor(readonly configuration: RTCConfiguration) {
    super();
    FakePeer.created.push(this);
  }
  addTrack() {
    this.tracks += 1;
  }
  async createOffer() {
    return { type: 'offer' as const, sdp: `offer-${FakePeer.created.length}` };
  }
  async createAnswer() {
    return { type: 'answer' as const, sdp: `answer-${FakePeer.created.length}` };
  }
  async setLocalDescription(description: RTCSessionDescriptionInit) {
    this.localDescription = description;
  }
  async setRemoteDescription(description: RTCSessionDescriptionInit) {
    this.remoteDescription = description;
  }
  async addIceCandidate(candidate: RTCIceCandidateInit) {
    this.candidates.push(candidate);
  }
  close() {
    this.closed = true;
  }
}

const STREAM = { getTracks: () => [{ kind: 'audio' }, { kind: 'video' }] } as unknown as MediaStream;

function makeCall(side: 'seeker' | 'facility') {
  const sent: { type: SignalType; data: unknown }[] = [];
  const states: CallState[] = [];
  const call = new InterviewCall({
    side,
    stream: STREAM,
    send: async (type, data) => {
      sent.push({ type, data });
    },
    onState: (state) => states.push(state),
    onRemoteStream: () => undefined,
    createPeerConnection: (configuration) => new FakePeer(configuration) as unknown as RTCPeerConnection,
  });
  return { call, sent, states };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('InterviewCall signalling', () => {
  it('the seeker says hello, answers the facility’s offer and uses no STUN or TURN server', async () => {
    FakePeer.created = [];
    const { call, sent, states } = makeCall('seeker');
    call.start();
    await settle();
    expect(sent).toEqual([{ type: 'hello', data: {} }]);
    expect(states).toEqual(['waiting']);

    call.receive({ type: 'offer', data: { session: 's1', description: { type: 'offer', sdp: 'remote-offer' } } });
    await settle();
    const peer = FakePeer.created[0]!;
    expect(peer.configuration).toEqual({ iceServers: [] });
    expect(peer.tracks).toBe(2);
    expect(peer.remoteDescription).toEqual({ type: 'offer', sdp: 'remote-offer' });
    expect(sent.at(-1)).toEqual({ type: 'answer', data: { session: 's1', description: { type: 'answer', sdp: 'answer-1' } } });

    // Candidates of this session are used; one of an earlier attempt is not.
    call.receive({ type: 'candidate', data: { session: 's1', candidate: { candidate: 'c1', sdpMid: '0', sdpMLineIndex: 0 } } });
    call.receive({ type: 'candidate', data: { session: 'old', candidate: { candidate: 'c0', sdpMid: '0', sdpMLineIndex: 0 } } });
    await settle();
    expect(peer.candidates.map((candidate) => candidate.candidate)).toEqual(['c1']);

    call.receive({ type: 'bye', data: {} });
    await settle();
    expect(peer.closed).toBe(true);
    expect(states.at(-1)).toBe('peerLeft');
  });

  it('the facility offers on arrival and again for every hello, ignoring answers to an earlier offer', async () => {
    FakePeer.created = [];
    const { call, sent } = makeCall('facility');
    call.start();
    await settle();
    expect(sent.map((message) => message.type)).toEqual(['offer']);
    const firstSession = (sent[0]!.data as { session: string }).session;

    call.receive({ type: 'hello', data: {} });
    await settle();
    expect(sent.map((message) => message.type)).toEqual(['offer', 'offer']);
    const secondSession = (sent[1]!.data as { session: string }).session;
    expect(secondSession).not.toBe(firstSession);
    expect(FakePeer.created[0]!.closed).toBe(true);

    const current = FakePeer.created[1]!;
    call.receive({ type: 'answer', data: { session: firstSession, description: { type: 'answer', sdp: 'stale' } } });
    await settle();
    expect(current.remoteDescription).toBeNull();
    call.receive({ type: 'answer', data: { session: secondSession, description: { type: 'answer', sdp: 'fresh' } } });
    await settle();
    expect(current.remoteDescription).toEqual({ type: 'answer', sdp: 'fresh' });
  });

  it('says bye when leaving and then ignores the other side', async () => {
    FakePeer.created = [];
    const { call, sent, states } = makeCall('facility');
    call.start();
    await settle();
    call.leave();
    await settle();
    expect(sent.at(-1)).toEqual({ type: 'bye', data: {} });
    expect(states.at(-1)).toBe('left');
    call.receive({ type: 'hello', data: {} });
    await settle();
    expect(sent.filter((message) => message.type === 'offer')).toHaveLength(1);
  });
});
