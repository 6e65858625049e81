import { useState } from 'react';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { ApiResult } from '@shared/result';
import type { FairParticipation } from '@shared/recruitment';
import { callApi } from '../../src/api/callApi';
import { send } from '../../src/api/transport';
import { useMutation } from '../../src/api/useMutation';

// The transport is the client's edge to the network: everything above it (callApi, the hook) runs for real.
jest.mock('../../src/api/transport', () => ({ send: jest.fn() }));
const sent = jest.mocked(send);

function aParticipation(overrides: Partial<FairParticipation> = {}): FairParticipation {
  return {
    id: 'p-1',
    eventId: 'fair-1',
    enterpriseId: 'ent-1',
    enterpriseName: '上海咏姿时装有限公司',
    status: 'pending',
    reason: null,
    note: null,
    createdAt: '2024-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** An answer the test hands over when it chooses, so it can look at the page while the request is out. */
function answerLater(): { resolve: (result: ApiResult<unknown>) => void } {
  let resolve: (result: ApiResult<unknown>) => void = () => undefined;
  sent.mockImplementationOnce(() => new Promise((r) => (resolve = r)));
  return { resolve: (result) => resolve(result) };
}

/**
 * A page with one button, the way the real pages use the hook. The button is left enabled while busy
 * on purpose: the second tap must be stopped by the hook itself, not by the button.
 */
function JoinFair({ toast = true }: { toast?: boolean }) {
  const join = useMutation({ toast });
  const [answer, setAnswer] = useState<string | null>(null);
  const tap = async () => {
    const participation = await join.run(() => callApi('fairs.join', { eventId: 'fair-1' }));
    if (participation) setAnswer(participation.status === 'approved' ? '已在参会名单中' : '已提交，等待审核');
  };
  return (
    <View>
      <View className='join' onClick={() => void tap()}>
        报名参会
      </View>
      {join.busy ? <Text>提交中…</Text> : null}
      {answer ? <Text>{answer}</Text> : null}
      {join.message ? <Text className='join-error'>{join.message}</Text> : null}
    </View>
  );
}

const tapJoin = () => fireEvent.click(screen.getByText('报名参会'));

describe('useMutation', () => {
  // Toasts are the platform's (wx / H5 runtime), absent in jsdom: the test stands in for them and reads what was shown.
  const toast = jest.fn(() => Promise.resolve({ errMsg: 'showToast:ok' }));
  beforeEach(() => {
    sent.mockReset();
    toast.mockClear();
    Object.assign(Taro, { showToast: toast });
  });

  it('shows that it is sending while the request is out, then what the server answered', async () => {
    const later = answerLater();
    render(<JoinFair />);

    tapJoin();
    expect(await screen.findByText('提交中…')).toBeTruthy();

    await act(async () => later.resolve({ ok: true, data: aParticipation({ status: 'pending' }) }));
    expect(await screen.findByText('已提交，等待审核')).toBeTruthy();
    expect(screen.queryByText('提交中…')).toBeNull();
    expect(sent).toHaveBeenCalledWith('fairs.join', { eventId: 'fair-1' });
    expect(toast).not.toHaveBeenCalled();
  });

  it("when the server refuses, then its Chinese message is toasted and kept for the page, and the button works again", async () => {
    sent.mockResolvedValueOnce({ ok: false, error: { code: 'INVALID_TRANSITION', message: '当前状态下不能进行此操作' } });
    render(<JoinFair />);

    tapJoin();
    expect(await screen.findByText('当前状态下不能进行此操作')).toBeTruthy();
    expect(toast).toHaveBeenCalledWith({ title: '当前状态下不能进行此操作', icon: 'none' });
    expect(screen.queryByText('提交中…')).toBeNull();

    sent.mockResolvedValueOnce({ ok: true, data: aParticipation({ status: 'approved' }) });
    tapJoin();
    expect(await screen.findByText('已在参会名单中')).toBeTruthy();
    // A new attempt forgets the old failure.
    expect(screen.queryByText('当前状态下不能进行此操作')).toBeNull();
  });

  it('when the page shows failures itself, then the message appears on the page without a toast', async () => {
    sent.mockRejectedValueOnce(new Error('socket hang up'));
    render(<JoinFair toast={false} />);

    tapJoin();
    // Anything that is not the server's answer reads as a plain Chinese apology, never the raw error.
    expect(await screen.findByText('出了点问题，请稍后重试')).toBeTruthy();
    expect(toast).not.toHaveBeenCalled();
  });

  it('when the button is tapped again while the first request is out, then only one request is sent', async () => {
    const later = answerLater();
    render(<JoinFair />);

    tapJoin();
    tapJoin();
    tapJoin();
    await waitFor(() => expect(screen.getByText('提交中…')).toBeTruthy());
    expect(sent).toHaveBeenCalledTimes(1);

    await act(async () => later.resolve({ ok: true, data: aParticipation() }));
    expect(await screen.findByText('已提交，等待审核')).toBeTruthy();
    expect(sent).toHaveBeenCalledTimes(1);
  });
});
