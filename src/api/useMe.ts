import { useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Me } from '@shared/users';
import { ApiFailure } from './failure';
import { useAction } from './hooks';
import { hasIdentity } from './identity';

export interface MeState {
  /** False in H5 until a persona is picked (or once the session has expired). */
  signedIn: boolean;
  me: Me | null;
  loading: boolean;
  error: unknown;
  /** Bumped whenever the identity may have changed; other per-person loads key on it. */
  version: number;
  reload: () => Promise<void>;
  /** After a login or logout: looks at the identity again and reloads. */
  recheck: () => void;
}

/** Who is calling: `me.get` once there is an identity, checked again each time the page shows. */
export function useMe(): MeState {
  const [session, setSession] = useState(() => ({ signedIn: hasIdentity(), version: 0 }));
  const result = useAction('me.get', {}, { enabled: session.signedIn, version: session.version });

  const recheck = () => setSession((s) => ({ signedIn: hasIdentity(), version: s.version + 1 }));
  // Another page may have logged in or out meanwhile.
  useDidShow(() => {
    if (hasIdentity() !== session.signedIn) recheck();
  });

  const expired = result.error instanceof ApiFailure && result.error.code === 'UNAUTHENTICATED';
  return {
    signedIn: session.signedIn && !expired,
    me: session.signedIn ? result.data : null,
    loading: result.loading,
    error: expired ? null : result.error,
    version: session.version,
    reload: result.reload,
    recheck,
  };
}
