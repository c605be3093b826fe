// Events through the HTTP API on a real database: planning with every reference checked, the
// calendar by date range and filters, a presenter's scope (edit only what they present, see
// everything), recording the audience (not before the start, no negative counts, corrections
// audited), cancelling, and photos (the statement is required, only pictures, no metadata kept).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestPlatform, type TestPlatform } from '../../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../../test/helpers/factories';
import { insertEvent as insertTestEvent, insertSchool } from '../../../test/helpers/prevention';
import { jpegWithExif, photoPart, png, uploadPhoto } from './test-support';
import { insertEvent } from './events';

let p: TestPlatform;
let coordinator: Client;
let coordinatorUser: TestUser;
let presenter: Client;
let presenterUser: TestUser;
let otherPresenterUser: TestUser;
let counsellorUser: TestUser;
let schoolNis: string;
let campaignId: string;

const DAY = 86_400_000;
const inDays = (days: number, hour = 10) => {
  const d = new Date(Date.now() + days * DAY);
  d.setUTCHours(hour, 0, 0, 0);
  return d;
};
const audit = (recordId: string) => p.ctx.db.selectFrom('auditLog').select(['action', 'actorId', 'details']).where('recordId', '=', recordId).orderBy('id').execute();

async function create(body: Record<string, unknown>, client = coordinator): Promise<string> {
  const response = await client.post('/api/v1/events', body);
  if (response.statusCode !== 201) throw new Error(response.body);
  return response.json().id;
}
const basic = (overrides: Record<string, unknown> = {}) => ({
  type: 'school-pupils',
  startsAt: inDays(5).toISOString(),
  durationMinutes: 45,
  schoolId: schoolNis,
  topics: ['cyberbullying', 'privacy'],
  materials: 'Презентација „Безбедно на мрежи“',
  presenterIds: [presenterUser.id],
  ...overrides,
});

beforeAll(async () => {
  p = await createTestPlatform();
  coordinatorUser = await createUser(p.ctx, { roles: ['prevention-coordinator'] });
  presenterUser = await createUser(p.ctx, { roles: ['presenter'] });
  otherPresenterUser = await createUser(p.ctx, { roles: ['presenter'] });
  counsellorUser = await createUser(p.ctx, { roles: ['counsellor'] });
  coordinator = await signIn(p.app, coordinatorUser);
  presenter = await signIn(p.app, presenterUser);
  schoolNis = await insertSchool(p.ctx, { name: 'ОШ „Вожд Карађорђе“', municipalityId: 'nis' });
  campaignId = (
    await p.ctx.db.insertInto('campaigns').values({ name: 'Покажи поштовање, реагуј на мржњу', startsOn: '2026-01-01', endsOn: null, partners: '[]' }).returning('id').executeTakeFirstOrThrow()
  ).id;
}, 180_000);
afterAll(async () => p?.close());

describe('planning an event', () => {
  it('creates an event at a school: the municipality and district come from the school, presenters are stored, the audit says codes only', async () => {
    const id = await create(basic({ campaignId, title: 'Предавање за пете разреде' }));
    const event = (await coordinator.get(`/api/v1/events/${id}`)).json().event;
    expect(event).toMatchObject({
      type: 'school-pupils',
      status: 'planned',
      schoolId: schoolNis,
      schoolName: 'ОШ „Вожд Карађорђе“',
      municipalityId: 'nis',
      districtId: expect.any(String),
      campaignId,
      campaignName: 'Покажи поштовање, реагуј на мржњу',
      topics: ['cyberbullying', 'privacy'],
      presenters: [{ id: presenterUser.id, displayName: expect.any(String) }],
      audience: null,
      photos: [],
      may: { edit: true, record: true, cancel: true },
    });
    expect(Date.parse(event.endsAt) - Date.parse(event.startsAt)).toBe(45 * 60_000);
    const row = await p.ctx.db.selectFrom('events').select('districtId').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.districtId).toBe(event.districtId);
    const entries = await audit(id);
    expect(entries.map((e) => e.action)).toEqual(['event.create']);
    expect(JSON.stringify(entries[0]!.details)).not.toMatch(/Предавање|Презентација/);
  });

  it('creates an event at a venue in a named municipality, with an end time instead of a length', async () => {
    const startsAt = inDays(6, 16);
    const id = await create({ type: 'campaign-city-stop', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3 * 3_600_000).toISOString(), venue: 'Трг слободе', municipalityId: 'novi-sad', language: 'sr-Latn' });
    const event = (await coordinator.get(`/api/v1/events/${id}`)).json().event;
    expect(event).toMatchObject({ schoolId: null, venue: 'Трг слободе', municipalityId: 'novi-sad', language: 'sr-Latn', presenters: [] });
  });

  it.each([
    ['an unknown school', { schoolId: '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f' }, 'schoolId'],
    ['a school in another municipality', { municipalityId: 'subotica' }, 'municipalityId'],
    ['a venue without a municipality', { schoolId: undefined, venue: 'Сала' }, 'municipalityId'],
    ['neither school nor venue', { schoolId: undefined, municipalityId: 'nis' }, 'venue'],
    ['an unknown municipality', { schoolId: undefined, venue: 'Сала', municipalityId: 'atlantis' }, 'municipalityId'],
    ['an unknown campaign', { campaignId: '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f' }, 'campaignId'],
    ['no length', { durationMinutes: undefined }, 'durationMinutes'],
    ['both a length and an end', { endsAt: inDays(5, 11).toISOString() }, 'durationMinutes'],
    ['an end before the start', { durationMinutes: undefined, endsAt: inDays(4).toISOString() }, 'endsAt'],
    ['a start without an offset', { startsAt: '2030-03-12T10:00:00' }, 'startsAt'],
    ['an unknown topic', { topics: ['astrology'] }, 'topics'],
  ])('refuses %s, naming the field', async (_what, overrides, field) => {
    const response = await coordinator.post('/api/v1/events', basic(overrides));
    expect(response.statusCode, response.body).toBe(400);
    expect(Object.keys(response.json().error.fields).some((f) => f === field || f.startsWith(`${field}.`)), response.body).toBe(true);
  });

  it('names as presenters only active staff with the role presenter or prevention coordinator', async () => {
    const inactive = await createUser(p.ctx, { roles: ['presenter'] });
    await p.ctx.db.updateTable('users').set({ isActive: false }).where('id', '=', inactive.id).execute();
    for (const id of [counsellorUser.id, inactive.id, '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f']) {
      const response = await coordinator.post('/api/v1/events', basic({ presenterIds: [presenterUser.id, id] }));
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toHaveProperty('presenterIds');
    }
    // A coordinator may present, and a repeated id counts once.
    const id = await create(basic({ presenterIds: [coordinatorUser.id, presenterUser.id, presenterUser.id] }));
    expect((await coordinator.get(`/api/v1/events/${id}`)).json().event.presenters).toHaveLength(2);
  });

  it('lists who can present: active presenters and coordinators, id and name only', async () => {
    const response = await presenter.get('/api/v1/events/presenters');
    expect(response.statusCode).toBe(200);
    const ids = response.json().presenters.map((x: { id: string }) => x.id);
    expect(ids).toEqual(expect.arrayContaining([presenterUser.id, otherPresenterUser.id, coordinatorUser.id]));
    expect(ids).not.toContain(counsellorUser.id);
    expect(Object.keys(response.json().presenters[0]).sort()).toEqual(['displayName', 'id']);
  });

  it('lets another part insert an event inside its own transaction, and rolls it back with it', async () => {
    const actor = { id: coordinatorUser.id, username: coordinatorUser.username, roles: coordinatorUser.roles, institutionId: null };
    const before = await p.ctx.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    await expect(
      p.ctx.db.transaction().execute(async (trx) => {
        await insertEvent(trx, actor, { type: 'school-parents', startsAt: inDays(9).toISOString(), durationMinutes: 60, schoolId: schoolNis, language: 'sr-Cyrl', topics: [], materials: '', presenterIds: [] });
        throw new Error('the request could not be accepted');
      }),
    ).rejects.toThrow('the request could not be accepted');
    const after = await p.ctx.db.selectFrom('events').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    await expect(
      p.ctx.db.transaction().execute((trx) => insertEvent(trx, actor, { type: 'school-parents', startsAt: inDays(9).toISOString(), durationMinutes: 60, schoolId: null, language: 'sr-Cyrl', topics: [], materials: '', presenterIds: [] })),
    ).rejects.toMatchObject({ statusCode: 400, fields: { venue: expect.any(String) } });
  });
});

describe('the calendar', () => {
  let march: { inside: string; other: string; cancelled: string; outside: string };
  const from = '2031-03-01T00:00:00+01:00';
  const to = '2031-04-01T00:00:00+02:00';

  beforeAll(async () => {
    march = {
      inside: await create(basic({ startsAt: '2031-03-10T09:00:00+01:00', campaignId })),
      other: await create(basic({ type: 'school-parents', startsAt: '2031-03-31T18:00:00+02:00', presenterIds: [otherPresenterUser.id], schoolId: undefined, venue: 'Дом културе', municipalityId: 'kragujevac' })),
      cancelled: await create(basic({ startsAt: '2031-03-20T12:00:00+01:00' })),
      outside: await create(basic({ startsAt: '2031-04-01T08:00:00+02:00' })),
    };
    expect((await coordinator.post(`/api/v1/events/${march.cancelled}/cancel`, { reason: 'Школа је затворена' })).statusCode).toBe(200);
  });

  const ids = async (query: string, client = presenter) => {
    const response = await client.get(`/api/v1/events?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json().events.map((e: { id: string }) => e.id);
  };

  it("shows a presenter everyone's events in the range, oldest first, and nothing outside it", async () => {
    expect(await ids('')).toEqual([march.inside, march.cancelled, march.other]);
  });

  it('filters by presenter (me or an id), type, status, municipality and campaign', async () => {
    expect(await ids('&presenter=me')).toEqual([march.inside, march.cancelled]);
    expect(await ids(`&presenter=${otherPresenterUser.id}`)).toEqual([march.other]);
    expect(await ids('&type=school-parents')).toEqual([march.other]);
    expect(await ids('&type=school-parents&type=school-pupils')).toEqual([march.inside, march.cancelled, march.other]);
    expect(await ids('&status=cancelled')).toEqual([march.cancelled]);
    expect(await ids('&municipalityId=kragujevac')).toEqual([march.other]);
    expect(await ids(`&campaignId=${campaignId}`)).toEqual([march.inside]);
  });

  it("gives a presenter their own upcoming events with presenter=me&from=now, an event under way included", async () => {
    const underWay = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 10 * 60_000), durationMinutes: 60, presenterIds: [presenterUser.id] });
    const soon = await create(basic({ startsAt: inDays(3).toISOString() }));
    const over = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 3 * 3_600_000), durationMinutes: 60, presenterIds: [presenterUser.id] });
    const response = await presenter.get('/api/v1/events?presenter=me&from=now');
    const upcoming = response.json().events.map((e: { id: string }) => e.id);
    expect(upcoming[0]).toBe(underWay);
    expect(upcoming).not.toContain(over);
    expect(upcoming).not.toContain(march.other);
    expect(upcoming).toContain(soon);
    expect(upcoming).not.toContain(march.inside); // more than 400 days ahead
  });

  it('refuses a range that ends before it starts or is longer than 400 days', async () => {
    expect((await presenter.get(`/api/v1/events?from=${encodeURIComponent(to)}&to=${encodeURIComponent(from)}`)).json().error.fields).toHaveProperty('to');
    expect((await presenter.get('/api/v1/events?from=2030-01-01T00:00:00Z&to=2032-01-01T00:00:00Z')).statusCode).toBe(400);
    expect((await presenter.get('/api/v1/events')).json().error.fields).toHaveProperty('from');
    expect((await presenter.get('/api/v1/events?from=now&type=concert')).json().error.fields).toHaveProperty('type');
  });
});

describe("a presenter's scope", () => {
  let mine: string;
  let theirs: string;
  beforeAll(async () => {
    mine = await create(basic());
    theirs = await create(basic({ presenterIds: [otherPresenterUser.id] }));
  });

  it('edits an event they present, and the edit is audited by field name', async () => {
    const response = await presenter.patch(`/api/v1/events/${mine}`, { materials: 'Флајери и квиз', topics: ['grooming'] });
    expect(response.statusCode, response.body).toBe(200);
    const event = (await presenter.get(`/api/v1/events/${mine}`)).json().event;
    expect(event).toMatchObject({ materials: 'Флајери и квиз', topics: ['grooming'], may: { edit: true, record: true, cancel: false } });
    const entry = (await audit(mine)).at(-1)!;
    expect(entry.action).toBe('event.update');
    expect(entry.details).toEqual({ fields: ['topics', 'materials'] });
  });

  it("may not edit someone else's event (403), yet sees it in the calendar and on its page", async () => {
    const response = await presenter.patch(`/api/v1/events/${theirs}`, { materials: 'Моје' });
    expect(response.statusCode).toBe(403);
    const event = (await presenter.get(`/api/v1/events/${theirs}`)).json().event;
    expect(event.may).toEqual({ edit: false, record: false, cancel: false });
    const starts = new Date(event.startsAt);
    const listed = await presenter.get(`/api/v1/events?from=${encodeURIComponent(new Date(starts.getTime() - 1000).toISOString())}&to=${encodeURIComponent(new Date(starts.getTime() + 1000).toISOString())}`);
    expect(listed.json().events.map((e: { id: string }) => e.id)).toContain(theirs);
  });

  it('may not take themselves off their event, cancel it, or plan a new one', async () => {
    const off = await presenter.patch(`/api/v1/events/${mine}`, { presenterIds: [otherPresenterUser.id] });
    expect(off.statusCode).toBe(400);
    expect(off.json().error.fields).toHaveProperty('presenterIds');
    expect((await presenter.post(`/api/v1/events/${mine}/cancel`, { reason: 'Не могу да дођем' })).statusCode).toBe(403);
    expect((await presenter.post('/api/v1/events', basic())).statusCode).toBe(403);
  });

  it('moving the start keeps the planned length; a coordinator changes the presenters', async () => {
    const before = (await coordinator.get(`/api/v1/events/${mine}`)).json().event;
    const newStart = new Date(Date.parse(before.startsAt) + DAY);
    expect((await coordinator.patch(`/api/v1/events/${mine}`, { startsAt: newStart.toISOString(), presenterIds: [presenterUser.id, otherPresenterUser.id] })).statusCode).toBe(200);
    const after = (await coordinator.get(`/api/v1/events/${mine}`)).json().event;
    expect(Date.parse(after.startsAt)).toBe(newStart.getTime());
    expect(Date.parse(after.endsAt) - Date.parse(after.startsAt)).toBe(Date.parse(before.endsAt) - Date.parse(before.startsAt));
    expect(after.presenters.map((x: { id: string }) => x.id).sort()).toEqual([presenterUser.id, otherPresenterUser.id].sort());
    // Moving to a venue clears the school.
    expect((await coordinator.patch(`/api/v1/events/${mine}`, { schoolId: null, venue: 'Спортска хала', municipalityId: 'nis' })).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/events/${mine}`)).json().event).toMatchObject({ schoolId: null, venue: 'Спортска хала' });
  });
});

describe('recording what happened', () => {
  const audience = { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 48, pupilsSecondary: 0, parents: 3, teachers: 4, other: 1 };

  it('refuses before the event has started', async () => {
    const future = await create(basic());
    const response = await presenter.post(`/api/v1/events/${future}/record`, { audience, durationMinutes: 45 });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('event_not_started');
  });

  it('records the audience by grade band once it has started; the event is held; a correction keeps what it replaced in the audit', async () => {
    const past = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 2 * 3_600_000), presenterIds: [presenterUser.id], schoolId: schoolNis });
    const first = await presenter.post(`/api/v1/events/${past}/record`, { audience, durationMinutes: 50, notes: 'Много питања о играма.' });
    expect(first.statusCode, first.body).toBe(200);
    let event = (await presenter.get(`/api/v1/events/${past}`)).json().event;
    expect(event).toMatchObject({ status: 'held', audience, durationMinutes: 50, notes: 'Много питања о играма.', recordedBy: expect.any(String) });
    const corrected = { ...audience, pupilsPrimaryUpper: 52 };
    expect((await presenter.post(`/api/v1/events/${past}/record`, { audience: corrected, durationMinutes: 50 })).statusCode).toBe(200);
    event = (await coordinator.get(`/api/v1/events/${past}`)).json().event;
    expect(event.audience.pupilsPrimaryUpper).toBe(52);
    const entries = await audit(past);
    expect(entries.map((e) => e.action)).toEqual(['event.record', 'event.record.correct']);
    expect(entries[1]!.details).toMatchObject({ audience: corrected, previous: { audience } });
    expect(JSON.stringify(entries)).not.toContain('питања');
    // Held: no cancelling it any more.
    expect((await coordinator.post(`/api/v1/events/${past}/cancel`, { reason: 'Грешка' })).statusCode).toBe(409);
  });

  it('refuses negative, fractional or missing counts, naming the field', async () => {
    const past = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 3_600_000), presenterIds: [presenterUser.id] });
    for (const [body, field] of [
      [{ audience: { ...audience, parents: -1 }, durationMinutes: 45 }, 'audience.parents'],
      [{ audience: { ...audience, teachers: 2.5 }, durationMinutes: 45 }, 'audience.teachers'],
      [{ audience: { ...audience, pupilsSecondary: undefined }, durationMinutes: 45 }, 'audience.pupilsSecondary'],
      [{ audience, durationMinutes: 0 }, 'durationMinutes'],
    ] as const) {
      const response = await presenter.post(`/api/v1/events/${past}/record`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(Object.keys(response.json().error.fields)).toContain(field);
    }
    expect((await p.ctx.db.selectFrom('events').select('status').where('id', '=', past).executeTakeFirstOrThrow()).status).toBe('planned');
  });

  it("refuses a presenter recording someone else's event", async () => {
    const past = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 3_600_000), presenterIds: [otherPresenterUser.id] });
    expect((await presenter.post(`/api/v1/events/${past}/record`, { audience, durationMinutes: 45 })).statusCode).toBe(403);
  });
});

describe('cancelling', () => {
  it('cancels a planned event with a reason; it cannot then be edited, recorded or cancelled again', async () => {
    const id = await create(basic());
    expect((await coordinator.post(`/api/v1/events/${id}/cancel`, { reason: 'Школа је у штрајку' })).statusCode).toBe(200);
    const event = (await presenter.get(`/api/v1/events/${id}`)).json().event;
    expect(event).toMatchObject({ status: 'cancelled', cancelReason: 'Школа је у штрајку', may: { edit: false, record: false, cancel: false } });
    expect((await coordinator.post(`/api/v1/events/${id}/cancel`, { reason: 'Опет' })).statusCode).toBe(409);
    expect((await coordinator.patch(`/api/v1/events/${id}`, { materials: 'x' })).statusCode).toBe(409);
    await p.ctx.db.updateTable('events').set({ startsAt: new Date(Date.now() - 7_200_000), endsAt: new Date(Date.now() - 3_600_000) }).where('id', '=', id).execute();
    expect((await coordinator.post(`/api/v1/events/${id}/record`, { audience: { pupilsPrimaryLower: 0, pupilsPrimaryUpper: 0, pupilsSecondary: 0, parents: 0, teachers: 0, other: 0 }, durationMinutes: 5 })).statusCode).toBe(409);
    const entries = await audit(id);
    expect(entries.at(-1)).toMatchObject({ action: 'event.cancel', details: { from: 'planned' } });
    expect(JSON.stringify(entries)).not.toContain('штрајку');
  });

  it('refuses a cancellation without a reason', async () => {
    const id = await create(basic());
    const response = await coordinator.post(`/api/v1/events/${id}/cancel`, {});
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toHaveProperty('reason');
  });
});

describe('photos', () => {
  let eventId: string;
  beforeAll(async () => {
    eventId = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 3_600_000), presenterIds: [presenterUser.id] });
  });

  it("refuses a photo unless 'no child's face is recognisable' is ticked", async () => {
    const photo = photoPart(await jpegWithExif());
    for (const parts of [[photo], [photo, { name: 'noChildrenFaces', value: 'false' }], [photo, { name: 'noChildrenFaces', value: '' }]]) {
      const response = await uploadPhoto(presenter, eventId, parts);
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().error.fields).toHaveProperty('noChildrenFaces');
    }
    expect(await p.ctx.db.selectFrom('eventPhotos').select('id').where('eventId', '=', eventId).execute()).toEqual([]);
  });

  it('refuses what is not a JPEG, PNG or WebP picture, and an upload without a file', async () => {
    const tick = { name: 'noChildrenFaces', value: 'true' };
    const fake = await uploadPhoto(presenter, eventId, [photoPart(Buffer.from('<script>alert(1)</script>'), 'image/jpeg', 'x.jpg'), tick]);
    expect(fake.statusCode).toBe(400);
    expect(fake.json().error.fields).toHaveProperty('photo');
    const gif = await uploadPhoto(presenter, eventId, [photoPart(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;'), 'image/gif', 'x.gif'), tick]);
    expect(gif.json().error.fields).toHaveProperty('photo');
    const svg = await uploadPhoto(presenter, eventId, [photoPart(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'image/png', 'x.png'), tick]);
    expect(svg.statusCode).toBe(400);
    const none = await uploadPhoto(presenter, eventId, [tick]);
    expect(none.json().error.fields).toHaveProperty('photo');
    const json = await presenter.post(`/api/v1/events/${eventId}/photos`, { noChildrenFaces: 'true' });
    expect(json.statusCode).toBe(415);
  });

  it('stores a re-encoded copy without EXIF or GPS data, served with its type, as a file, nosniff', async () => {
    const original = await jpegWithExif();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes(Buffer.from('Petar Petrovic'))).toBe(true);
    const response = await uploadPhoto(presenter, eventId, [photoPart(original), { name: 'noChildrenFaces', value: 'true' }, { name: 'caption', value: 'Сала после предавања' }]);
    expect(response.statusCode, response.body).toBe(201);
    const photoId = response.json().id;

    const download = await presenter.get(`/api/v1/events/${eventId}/photos/${photoId}?download=1`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/jpeg');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="event-photo-[0-9a-f]{8}\.jpg"$/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    const stored = download.rawPayload;
    const metadata = await sharp(stored).metadata();
    expect(metadata.format).toBe('jpeg');
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(stored.includes(Buffer.from('Petar Petrovic'))).toBe(false);
    expect(stored.includes(Buffer.from('Secret School'))).toBe(false);
    expect((await presenter.get(`/api/v1/events/${eventId}/photos/${photoId}`)).headers['content-disposition']).toMatch(/^inline;/);

    const listed = (await coordinator.get(`/api/v1/events/${eventId}/photos`)).json().photos;
    expect(listed).toEqual([expect.objectContaining({ id: photoId, contentType: 'image/jpeg', caption: 'Сала после предавања', byteSize: stored.length })]);
    expect((await audit(eventId)).at(-1)).toMatchObject({ action: 'event.photo.upload', details: { photoId, noChildrenFaces: true } });
  });

  it('keeps a PNG a PNG, and deletes a photo (audited); a deleted photo is gone', async () => {
    const response = await uploadPhoto(coordinator, eventId, [{ name: 'noChildrenFaces', value: 'true' }, photoPart(await png(), 'image/png', 'p.png')]);
    expect(response.statusCode, response.body).toBe(201);
    const photoId = response.json().id;
    expect((await coordinator.get(`/api/v1/events/${eventId}/photos/${photoId}`)).headers['content-type']).toBe('image/png');
    expect((await presenter.delete(`/api/v1/events/${eventId}/photos/${photoId}`)).statusCode).toBe(200);
    expect((await presenter.get(`/api/v1/events/${eventId}/photos/${photoId}`)).statusCode).toBe(404);
    expect((await presenter.delete(`/api/v1/events/${eventId}/photos/${photoId}`)).statusCode).toBe(404);
    expect((await audit(eventId)).at(-1)).toMatchObject({ action: 'event.photo.delete', details: { photoId } });
  });

  it('refuses a file over 10 MB with 413, naming the photo field', async () => {
    const huge = Buffer.concat([await jpegWithExif(), Buffer.alloc(10 * 1024 * 1024)]);
    const response = await uploadPhoto(presenter, eventId, [{ name: 'noChildrenFaces', value: 'true' }, photoPart(huge)]);
    expect(response.statusCode).toBe(413);
    expect(response.json().error.fields).toHaveProperty('photo');
  });

  it("refuses a photo of another event's id under this event", async () => {
    const other = await insertTestEvent(p.ctx, { startsAt: new Date(Date.now() - 3_600_000), presenterIds: [presenterUser.id] });
    const photoId = (await uploadPhoto(presenter, other, [{ name: 'noChildrenFaces', value: 'true' }, photoPart(await png(), 'image/png', 'p.png')])).json().id;
    expect((await presenter.get(`/api/v1/events/${eventId}/photos/${photoId}`)).statusCode).toBe(404);
  });
});

describe('the API description', () => {
  it('documents every events route in the OpenAPI document', async () => {
    const response = await p.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode, response.body).toBe(200);
    const doc = response.json();
    for (const [path, method] of [
      ['/api/v1/events', 'get'],
      ['/api/v1/events', 'post'],
      ['/api/v1/events/presenters', 'get'],
      ['/api/v1/events/{id}', 'get'],
      ['/api/v1/events/{id}', 'patch'],
      ['/api/v1/events/{id}/cancel', 'post'],
      ['/api/v1/events/{id}/record', 'post'],
      ['/api/v1/events/{id}/photos', 'get'],
      ['/api/v1/events/{id}/photos', 'post'],
      ['/api/v1/events/{id}/photos/{photoId}', 'get'],
      ['/api/v1/events/{id}/photos/{photoId}', 'delete'],
    ] as const) {
      expect(doc.paths[path]?.[method]?.summary, `${method} ${path}`).toBeTruthy();
    }
  });
});
