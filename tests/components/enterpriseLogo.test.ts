import { encodeSteps, firstThatFits, hasTransparency, squareCrop, type EncodeStep } from '../../src/hr/pages/center/logoImage';
import { isCancel } from '../../src/hr/pages/center/logo';
import { logoSrc } from '../../src/components/recruitment/logoSrc';
import { enterpriseFormFrom, validateEnterprise } from '../../src/hr/pages/center/EnterpriseForm';
import type { Enterprise } from '@shared/recruitment';

describe('squareCrop: the centred square of a photo, at most 512 px a side', () => {
  it('cuts the middle of a landscape phone photo (4000×3000) and draws it 512 px wide', () => {
    expect(squareCrop(4000, 3000)).toEqual({ sx: 500, sy: 0, side: 3000, out: 512 });
  });

  it('cuts the middle of a portrait photo (1080×1920)', () => {
    expect(squareCrop(1080, 1920)).toEqual({ sx: 0, sy: 420, side: 1080, out: 512 });
  });

  it('keeps a square as it is and never enlarges a small picture', () => {
    expect(squareCrop(300, 300)).toEqual({ sx: 0, sy: 0, side: 300, out: 300 });
    expect(squareCrop(200, 120)).toEqual({ sx: 40, sy: 0, side: 120, out: 120 });
  });

  it('rounds an odd margin down, so the square stays inside the picture', () => {
    const crop = squareCrop(1001, 600);
    expect(crop).toEqual({ sx: 200, sy: 0, side: 600, out: 512 });
    expect(crop.sx + crop.side).toBeLessThanOrEqual(1001);
  });
});

describe('encodeSteps: what is tried until the logo fits', () => {
  it('starts with a 512 px JPEG at quality 0.85, then lowers quality before size', () => {
    const steps = encodeSteps(512);
    expect(steps[0]).toEqual({ side: 512, format: 'image/jpeg', quality: 0.85 });
    expect(steps.slice(0, 3).map((s) => s.side)).toEqual([512, 512, 512]);
    expect(steps.map((s) => s.side)).toEqual([...steps.map((s) => s.side)].sort((a, b) => b - a));
    expect(steps.every((s) => s.format === 'image/jpeg')).toBe(true);
  });

  it('tries a see-through PNG as PNG first', () => {
    expect(encodeSteps(512, true)[0]).toEqual({ side: 512, format: 'image/png', quality: 1 });
  });

  it('tries each step once when the picture is already small', () => {
    const steps = encodeSteps(100);
    expect(steps.every((s) => s.side === 100)).toBe(true);
    expect(new Set(steps.map((s) => `${s.format}@${s.quality}`)).size).toBe(steps.length);
  });
});

describe('firstThatFits', () => {
  const encodeAs = (sizes: Record<string, number>) => async (step: EncodeStep) => ({
    mime: step.format,
    data: 'x',
    bytes: sizes[`${step.side}@${step.quality}`] ?? 10_000,
  });

  it('answers the first encoding within the limit', async () => {
    const encoded = await firstThatFits(encodeSteps(512), encodeAs({ '512@0.85': 90_000, '512@0.7': 60_000 }), 64 * 1024);
    expect(encoded?.bytes).toBe(60_000);
  });

  it('answers null when nothing fits', async () => {
    expect(await firstThatFits(encodeSteps(512), async (s) => ({ mime: s.format, data: 'x', bytes: 1e6 }), 64 * 1024)).toBeNull();
  });
});

describe('hasTransparency', () => {
  it('tells an opaque picture from one with a see-through pixel', () => {
    expect(hasTransparency([1, 2, 3, 255, 4, 5, 6, 255])).toBe(false);
    expect(hasTransparency([1, 2, 3, 255, 4, 5, 6, 0])).toBe(true);
  });
});

describe('logoSrc', () => {
  it('shows a stored logo from its address and a newly chosen one from its bytes', () => {
    expect(logoSrc({ url: '/files/abc' })).toBe('/files/abc');
    expect(logoSrc({ url: 'cloud://env.7465/logos/abc.jpg' })).toBe('cloud://env.7465/logos/abc.jpg');
    expect(logoSrc({ mime: 'image/jpeg', data: '/9j/' })).toBe('data:image/jpeg;base64,/9j/');
    expect(logoSrc(null)).toBeNull();
  });
});

describe('isCancel', () => {
  it('tells a closed picker from a failure', () => {
    expect(isCancel({ errMsg: 'chooseImage:fail cancel' })).toBe(true);
    expect(isCancel(new Error('boom'))).toBe(false);
  });
});

describe('the enterprise form sends a logo only when it changed', () => {
  const enterprise: Enterprise = {
    id: 'ent-1',
    name: '上海咏姿时装有限公司',
    uscc: '91310000132149237G',
    industry: '服装制造',
    size: null,
    address: null,
    contactName: null,
    contactPhone: null,
    intro: null,
    logo: { url: '/files/0a1b' },
    verified: true,
  };
  const payloadOf = (result: ReturnType<typeof validateEnterprise>) => (result.ok ? result.input : null);

  it('leaves the stored logo alone when the person did not touch it', () => {
    expect(payloadOf(validateEnterprise('ent-1', enterpriseFormFrom(enterprise), false))).not.toHaveProperty('logo');
  });

  it('sends the bytes of a newly chosen logo, and null for a removed one', () => {
    const chosen = { mime: 'image/jpeg' as const, data: '/9j/4AAQ' };
    expect(payloadOf(validateEnterprise('ent-1', { ...enterpriseFormFrom(enterprise), logo: chosen }, true))).toMatchObject({ logo: chosen });
    expect(payloadOf(validateEnterprise('ent-1', { ...enterpriseFormFrom(enterprise), logo: null }, true))).toMatchObject({ logo: null });
  });
});
