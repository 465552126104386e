import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AddressPolicy, parseNetwork } from '../../src/ingest/fetch/address-policy.ts';
import { decodeBody } from '../../src/ingest/fetch/decode-body.ts';
import { kindFromHeader, parseContentType, sniffKind } from '../../src/ingest/fetch/content-type.ts';

test('everything that is not the public internet is refused, with the name of its range', () => {
  const policy = new AddressPolicy();
  const refused: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['169.254.169.254', /link-local \(cloud metadata/],
    ['10.1.2.3', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /this network/],
    ['224.0.0.1', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['fe80::1', /link-local/],
    ['fd12:3456::1', /unique local/],
    ['fc00::1', /unique local/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:169.254.169.254', /link-local/],
    ['::ffff:a9fe:a9fe', /link-local/],
    ['::127.0.0.1', /IPv4-compatible/],
    ['64:ff9b::a9fe:a9fe', /NAT64/],
    ['2002:a9fe:a9fe::1', /6to4/],
    ['ff02::1', /multicast/],
  ];
  for (const [address, reason] of refused) assert.match(policy.refusal(address) ?? 'allowed', reason, address);
  for (const address of ['93.184.215.14', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(policy.refusal(address), undefined, address);
  }
  assert.match(policy.refusal('example.com') ?? '', /not an IP address/);
});

test('allowed networks open exactly their range (tests allow loopback, not metadata)', () => {
  const policy = new AddressPolicy(['127.0.0.0/8', '::1']);
  assert.equal(policy.refusal('127.0.0.1'), undefined);
  assert.equal(policy.refusal('::1'), undefined);
  assert.equal(policy.refusal('::ffff:127.0.0.1'), undefined);
  assert.match(policy.refusal('169.254.169.254') ?? '', /link-local/);
  assert.match(policy.refusal('10.0.0.1') ?? '', /private/);
  assert.deepEqual(parseNetwork('10.0.0.0/8'), { address: '10.0.0.0', prefix: 8, family: 'ipv4' });
  assert.deepEqual(parseNetwork('::1'), { address: '::1', prefix: 128, family: 'ipv6' });
  for (const bad of ['10.0.0.0/33', 'localhost', '10.0.0.0/8/1', '::1/x', '']) assert.equal(parseNetwork(bad), undefined, bad);
  assert.throws(() => new AddressPolicy(['nope']), /not an IP address or CIDR/);
});

test('content types: pages and feeds by header, the rest refused or sniffed', () => {
  assert.deepEqual(parseContentType('text/HTML; Charset="ISO-8859-1"'), { essence: 'text/html', charset: 'iso-8859-1' });
  assert.deepEqual(parseContentType('garbage'), { essence: '' });
  assert.equal(kindFromHeader(parseContentType('application/atom+xml')), 'feed');
  assert.equal(kindFromHeader(parseContentType('text/html')), 'html');
  assert.equal(kindFromHeader(parseContentType('text/xml')), 'sniff');
  assert.equal(kindFromHeader(parseContentType(undefined)), 'sniff');
  assert.equal(kindFromHeader(parseContentType('image/png')), undefined);
  assert.equal(kindFromHeader(parseContentType('application/json')), undefined);
  assert.equal(sniffKind('\uFEFF<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">'), 'feed');
  assert.equal(sniffKind('<feed xmlns="http://www.w3.org/2005/Atom">'), 'feed');
  assert.equal(sniffKind('<rdf:RDF xmlns:rdf="…">'), 'feed');
  assert.equal(sniffKind('<!DOCTYPE html><html>'), 'html');
  assert.equal(sniffKind('<?xml version="1.0"?><invoice/>'), undefined);
});

test('bodies are decoded by BOM, header, document charset, else detection — with a note when the server lied', () => {
  const utf8 = decodeBody(Buffer.from('<p>Caf\u00e9</p>'), 'utf-8');
  assert.deepEqual(utf8, { ok: true, text: '<p>Caf\u00e9</p>', encoding: 'utf-8' });
  const latin1Bytes = Buffer.from('<p>Caf\u00e9 \u0093quoted\u0094</p>', 'latin1');
  const mislabelled = decodeBody(latin1Bytes, 'utf-8');
  assert.equal(mislabelled.ok, true);
  assert.ok(mislabelled.ok && mislabelled.text.includes('Caf\u00e9 \u201cquoted\u201d'), JSON.stringify(mislabelled));
  assert.match(mislabelled.ok ? (mislabelled.note ?? '') : '', /declared UTF-8 but is not valid UTF-8; decoded as windows-1252/);
  const meta = decodeBody(Buffer.from('<meta charset="windows-1252"><p>\u00e9</p>', 'latin1'), undefined);
  assert.ok(meta.ok && meta.text.endsWith('<p>\u00e9</p>') && meta.encoding === 'windows-1252');
  const xml = decodeBody(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>\u00e9</rss>', 'latin1'), undefined);
  assert.ok(xml.ok && xml.text.includes('<rss>\u00e9</rss>'));
  const bom = decodeBody(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<p>hi</p>', 'utf16le')]), 'utf-8');
  assert.ok(bom.ok && bom.text === '<p>hi</p>');
  assert.deepEqual(decodeBody(Buffer.from([0x3c, 0, 1, 2, 0, 0]), undefined), { ok: false, reason: 'the body is binary data, not text' });
});
