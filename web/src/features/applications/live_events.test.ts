import { describe, expect, it } from 'vitest';
import { applyRequest, applySchema } from './apply_form_values';
import { sessionCandidate, sessionDescription } from './interview_call';
import { parseApplicationNotice, parseInterviewSignal } from './live_events';

describe('live events', () => {
  it('reads which application a notice is about from its link', () => {
    expect(parseApplicationNotice('{"id":"ntf_1","kind":"message","title":"t","body":"b","link":"/applications/app_9"}')).toEqual({
      kind: 'message',
      applicationId: 'app_9',
    });
    expect(parseApplicationNotice('{"id":"ntf_2","kind":"match","link":"/postings/pst_1"}')).toEqual({ kind: 'match', applicationId: null });
    expect(parseApplicationNotice('{"id":"ntf_3","link":"/applications/app_9/interview"}')?.applicationId).toBeNull();
    expect(parseApplicationNotice('not json')).toBeNull();
    expect(parseApplicationNotice('{"kind":"message"}')).toBeNull();
  });

  it('accepts only well-formed interview signals from one of the two sides', () => {
    expect(parseInterviewSignal('{"interview_id":"itv_1","from":"seeker","type":"hello","data":null}')).toEqual({
      interviewId: 'itv_1',
      from: 'seeker',
      type: 'hello',
      data: null,
    });
    expect(parseInterviewSignal('{"interview_id":"itv_1","from":"coordinator","type":"hello"}')).toBeNull();
    expect(parseInterviewSignal('{"interview_id":"itv_1","from":"facility","type":"reboot"}')).toBeNull();
    expect(parseInterviewSignal('[]')).toBeNull();
  });

  it('reads the session of an offer, an answer and a candidate, and nothing else', () => {
    const offer = { session: 's1', description: { type: 'offer', sdp: 'v=0' } };
    expect(sessionDescription(offer, 'offer')).toEqual({ session: 's1', description: { type: 'offer', sdp: 'v=0' } });
    expect(sessionDescription(offer, 'answer')).toBeNull();
    expect(sessionDescription({ description: { type: 'offer', sdp: 'v=0' } }, 'offer')).toBeNull();
    expect(sessionCandidate({ session: 's1', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } })).toEqual({
      session: 's1',
      candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0, usernameFragment: null },
    });
    expect(sessionCandidate({ session: 's1', candidate: {} })).toBeNull();
  });
});

describe('the apply form', () => {
  it('needs a question for an inquiry and the consent for an application', () => {
    expect(applySchema('inquiry').safeParse({ message: ' ', consent: false }).error?.issues.map((issue) => issue.path[0])).toEqual(['message']);
    expect(applySchema('application').safeParse({ message: '', consent: false }).error?.issues.map((issue) => issue.path[0])).toEqual(['consent']);
    expect(applySchema('application').safeParse({ message: '', consent: true }).success).toBe(true);
    expect(applySchema('contact_request').safeParse({ message: '', consent: false }).success).toBe(true);
  });

  it('sends consent only with an application', () => {
    expect(applyRequest('application', { message: ' よろしく ', consent: true })).toEqual({ kind: 'application', message: 'よろしく', consent: true });
    expect(applyRequest('contact_request', { message: '', consent: true })).toEqual({ kind: 'contact_request', message: '', consent: false });
  });
});
