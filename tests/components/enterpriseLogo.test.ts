import { checkLogoFile, mimeOfPath } from '../../src/hr/pages/center/logo';

describe('checkLogoFile', () => {
  it('accepts a PNG or JPEG of up to 40 KB', () => {
    expect(checkLogoFile({ mime: 'image/png', size: 40 * 1024 })).toEqual({ ok: true, mime: 'image/png' });
    expect(checkLogoFile({ mime: 'image/jpeg', size: 1200 })).toEqual({ ok: true, mime: 'image/jpeg' });
  });

  it('refuses another type with a Chinese message', () => {
    expect(checkLogoFile({ mime: 'image/gif', size: 1000 })).toEqual({ ok: false, message: '标志图片只支持 PNG 或 JPEG 格式，请换一张' });
  });

  it('refuses a file over 40 KB and says how big it is', () => {
    expect(checkLogoFile({ mime: 'image/png', size: 40 * 1024 + 1 })).toEqual({
      ok: false,
      message: '标志图片不能超过 40 KB（这张 41 KB），请裁剪或压缩后再选',
    });
  });

  it('tells the type of a WeChat temp file by its extension', () => {
    expect(mimeOfPath('wxfile://tmp_abc.JPG')).toBe('image/jpeg');
    expect(mimeOfPath('http://tmp/abc.png')).toBe('image/png');
    expect(mimeOfPath('http://tmp/abc.webp')).toBe('');
  });
});
