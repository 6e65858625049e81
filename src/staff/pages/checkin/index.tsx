import { useEffect, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ScanOutcome } from '@shared/checkins';
import { callApi } from '../../../api/callApi';
import { ApiFailure, messageOf } from '../../../api/failure';
import { useAction } from '../../../api/hooks';
import { useMutation } from '../../../api/useMutation';
import { AttendanceFigures } from '../../../components/Attendance';
import { ListState } from '../../../components/ListState';
import { boolAttr } from '../../../utils/boolAttr';
import { formatEventTime } from '../../../utils/time';
import { ScanResult } from './ScanResult';
import { SCANS_CONTINUOUSLY, startScanner } from './scanner';
import './index.scss';

const CAMERA_HOST = 'checkin-camera';

/** Staff at the door: scan a ticket (or type its code) and see at once whether to let the person in; then the next. */
export default function CheckinPage() {
  const eventId = useRouter().params.eventId ?? '';
  const event = useAction('events.get', { id: eventId }, { enabled: eventId !== '' });
  const [code, setCode] = useState('');
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [checkedIn, setCheckedIn] = useState(0);
  const [cameraOn, setCameraOn] = useState(false);
  const scanning = useMutation();
  const stopCamera = useRef<(() => void) | null>(null);

  useEffect(() => () => stopCamera.current?.(), []);

  const answer = (text: string) =>
    scanning.run(async () => {
      const scanned = await callApi('checkins.scan', { eventId, code: text });
      setOutcome(scanned);
      setCode('');
      if (scanned.result === 'checked_in') setCheckedIn((n) => n + 1);
    });

  const openCamera = async () => {
    if (stopCamera.current) {
      stopCamera.current();
      stopCamera.current = null;
      setCameraOn(false);
      return;
    }
    try {
      const stop = await startScanner(CAMERA_HOST, (text) => void answer(text));
      if (SCANS_CONTINUOUSLY) {
        stopCamera.current = stop;
        setCameraOn(true);
      }
    } catch (err) {
      void Taro.showToast({ title: cameraProblem(err), icon: 'none', duration: 3000 });
    }
  };

  if (!eventId || (!event.data && !event.loading)) {
    return (
      <View className='checkin'>
        <ListState
          loading={false}
          error={eventId ? event.error : new ApiFailure('NOT_FOUND', '没有指定活动')}
          empty
          onRetry={() => void event.reload()}
        />
      </View>
    );
  }

  return (
    <View className='checkin'>
      {event.data ? (
        <View className='checkin__head'>
          <Text className='checkin__title'>{event.data.title}</Text>
          <Text className='checkin__meta'>{formatEventTime(event.data.startAt, event.data.endAt)}</Text>
        </View>
      ) : null}
      <AttendanceFigures eventId={eventId} version={checkedIn} />

      <View className='checkin__panel'>
        <Button className='checkin-scan btn-primary' disabled={boolAttr(scanning.busy && !cameraOn)} onClick={() => void openCamera()}>
          {cameraOn ? '关闭摄像头' : '扫码签到'}
        </Button>
        <View id={CAMERA_HOST} className='checkin__camera' />
        <View className='checkin__manual'>
          <Input
            className='checkin-code'
            placeholder='或输入 8 位签到码'
            maxlength={20}
            value={code}
            confirmType='done'
            onInput={(e) => setCode(e.detail.value)}
            onConfirm={() => code.trim() && void answer(code)}
          />
          <Button className='checkin-submit btn-primary' disabled={boolAttr(scanning.busy)} onClick={() => code.trim() && void answer(code)}>
            签到
          </Button>
        </View>
      </View>

      {outcome ? <ScanResult outcome={outcome} /> : <Text className='checkin__hint'>扫描参会人的签到二维码，结果显示在这里。</Text>}
      {scanning.error ? <Text className='checkin__error'>{messageOf(scanning.error)}</Text> : null}
    </View>
  );
}

function cameraProblem(err: unknown): string {
  const name = (err as { name?: string } | null)?.name;
  if (name === 'NotAllowedError') return '没有摄像头权限，请在浏览器设置中允许，或输入签到码';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '没有找到摄像头，请输入签到码';
  return '无法打开摄像头，请输入签到码';
}
