import { describe, expect, it } from 'vitest';
import { addressClass, checkedAddress, OutboundError } from './outbound.js';

describe('addresses the server never fetches from (unless allow-listed)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12::1', 'private'],
    ['fc00::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['169.254.1.1', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['169.254.169.254', 'metadata'],
    ['fd00:ec2::254', 'metadata'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['2001:db8::1', 'reserved'],
  ])('%s is %s', (ip, cls) => {
    expect(addressClass(ip)).toBe(cls);
  });

  it.each(['8.8.8.8', '172.32.0.1', '::ffff:8.8.8.8', '2400:3200::1', '2001:4860:4860::8888', '202.108.22.5'])('%s is public', (ip) => {
    expect(addressClass(ip)).toBeNull();
  });

  it('IP literals in URLs in any spelling are caught (the URL parser normalises them first)', async () => {
    for (const u of ['http://2130706433/', 'http://0x7f.1/', 'http://127.1/', 'http://[0:0:0:0:0:ffff:7f00:1]/'])
      await expect(checkedAddress(new URL(u), { allowHosts: [] })).rejects.toEqual(new OutboundError('loopback'));
  });

  it('an allow-listed host skips the check, bracketed or not; other schemes never pass', async () => {
    expect(await checkedAddress(new URL('http://[::1]/'), { allowHosts: ['[::1]'] })).toBe('::1');
    expect(await checkedAddress(new URL('http://QX.Intranet/'), { allowHosts: ['qx.intranet'], resolve: async () => ['10.0.0.5'] })).toBe('10.0.0.5');
    await expect(checkedAddress(new URL('gopher://example.cn/'), { allowHosts: ['example.cn'] })).rejects.toEqual(new OutboundError('scheme'));
    await expect(checkedAddress(new URL('http://nowhere.invalid/'), { allowHosts: [], resolve: async () => [] })).rejects.toEqual(new OutboundError('dns'));
  });
});
