// Cases through the HTTP API: opened from helpline contacts and hotline reports, status,
// assignee, follow-up tasks (overdue), notes, links, the list, who sees which case and what in
// it, and the supervisors' overview of the helpline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, signIn, type Client, type TestUser } from '../../test/helpers/factories';

let p: TestPlatform;
let counsellor: Client;
let counsellorUser: TestUser;
let colleague: Client;
let colleagueUser: TestUser;
let supervisor: Client;
let supervisorUser: TestUser;
let analyst: Client;
let analystUser: TestUser;
let presenterUser: TestUser;

beforeAll(async () => {
  p = await createTestPlatform({ PUBLIC_POW_DIFFICULTY: '0', PUBLIC_RATE_LIMIT_PER_HOUR: '1000' });
  counsellorUser = await createUser(p.ctx, { roles: ['counsellor'] });
  counsellor = await signIn(p.app, counsellorUser);
  colleagueUser = await createUser(p.ctx, { roles: ['counsellor'] });
  colleague = await signIn(p.app, colleagueUser);
  supervisorUser = await createUser(p.ctx, { roles: ['supervisor'] });
  supervisor = await signIn(p.app, supervisorUser);
  analystUser = await createUser(p.ctx, { roles: ['analyst'] });
  analyst = await signIn(p.app, analystUser);
  presenterUser = await createUser(p.ctx, { roles: ['presenter'] });
}, 120_000);
afterAll(async () => p?.close());

const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

async function contact(client: Client, body: Record<string, unknown> = {}): Promise<string> {
  const response = await client.post('/api/v1/contacts', { channel: 'phone', contactType: 'data', summary: 'Позив о случају', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
async function report(body: Record<string, unknown> = {}): Promise<string> {
  const response = await p.app.inject({
    method: 'POST',
    url: '/api/v1/reports',
    payload: { category: 'hate-speech', description: 'Позиви на насиље у коментарима', urls: ['https://forum.example/t/9'], ...body },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().reportId;
}
async function open(client: Client, body: Record<string, unknown>): Promise<string> {
  const response = await client.post('/api/v1/cases', body);
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id;
}
const getCase = async (client: Client, id: string) => {
  const response = await client.get(`/api/v1/cases/${id}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().case;
};
const contactRow = (id: string) => p.ctx.db.selectFrom('contacts').select(['caseId', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow();
const caseIds = async (client: Client, query = '') => {
  const response = await client.get(`/api/v1/cases?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return (response.json().cases as { id: string }[]).map((c) => c.id);
};

describe('opening a case', () => {
  it('from helpline contacts only: the contacts join it, an empty outcome becomes case-opened, and the opener is assigned', async () => {
    const empty = await contact(counsellor);
    const decided = await contact(counsellor, { outcome: 'advice-given' });
    const untaken = (
      await p.ctx.db
        .insertInto('contacts')
        .values({ channel: 'email', contactType: 'data', status: 'awaiting', categoriesVersion: 'insafe-2024+rs-1' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const id = await open(counsellor, { contactIds: [empty, decided, untaken] });
    expect(await contactRow(empty)).toEqual({ caseId: id, outcome: 'case-opened' });
    expect(await contactRow(decided)).toEqual({ caseId: id, outcome: 'advice-given' });
    expect((await contactRow(untaken)).caseId).toBe(id);

    const theCase = await getCase(counsellor, id);
    expect(theCase).toMatchObject({ status: 'open', priority: 'normal', assigneeId: counsellorUser.id, closedAt: null, reports: [], tasks: [], notes: [], openTasks: 0, nextDueOn: null });
    expect(theCase.contacts.map((c: { id: string }) => c.id).sort()).toEqual([empty, decided, untaken].sort());
    expect(theCase.title).toMatch(/^Контакт \d+, \d+, \d+$/);
    expect(theCase.timeline.map((e: { action: string }) => e.action)).toContain('case.create');
    // The contact shows its case.
    expect((await counsellor.get(`/api/v1/contacts/${empty}`)).json().contact.caseId).toBe(id);
  });

  it('from hotline reports and contacts together: a new report goes into review, an urgent one makes the case urgent', async () => {
    const reportId = await report();
    const contactId = await contact(counsellor);
    const id = await open(supervisor, { reportIds: [reportId], contactIds: [contactId], title: 'Мржња и позив родитеља' });
    const theCase = await getCase(supervisor, id);
    expect(theCase).toMatchObject({ title: 'Мржња и позив родитеља', assigneeId: supervisorUser.id, priority: 'normal' });
    expect(theCase.reports.map((r: { id: string }) => r.id)).toEqual([reportId]);
    expect(theCase.contacts.map((c: { id: string }) => c.id)).toEqual([contactId]);
    const row = await p.ctx.db.selectFrom('reports').select(['caseId', 'status']).where('id', '=', reportId).executeTakeFirstOrThrow();
    expect(row).toEqual({ caseId: id, status: 'in-review' });

    const urgentReport = await report({ category: 'grooming', description: 'Одрасли позива дете на састанак' });
    await p.ctx.db.updateTable('reports').set({ isUrgent: true }).where('id', '=', urgentReport).execute();
    const urgent = await open(analyst, { reportIds: [urgentReport] });
    expect(await getCase(analyst, urgent)).toMatchObject({ priority: 'urgent', assigneeId: analystUser.id });
  });

  it('refuses an empty case, records the opener may not add, and what is already in another case', async () => {
    const none = await counsellor.post('/api/v1/cases', { reportIds: [], contactIds: [] });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields).toHaveProperty('reportIds');

    // A counsellor works no hotline reports and cannot take a colleague's contact into a case.
    const reportId = await report();
    const viaReport = await counsellor.post('/api/v1/cases', { reportIds: [reportId] });
    expect(viaReport.statusCode).toBe(400);
    expect(viaReport.json().error.fields).toHaveProperty('reportIds');
    const theirs = await contact(colleague);
    const viaColleague = await counsellor.post('/api/v1/cases', { contactIds: [theirs] });
    expect(viaColleague.statusCode).toBe(400);
    expect(viaColleague.json().error.fields).toHaveProperty('contactIds');
    const unknown = await supervisor.post('/api/v1/cases', { contactIds: ['3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f'] });
    expect(unknown.statusCode).toBe(400);
    expect((await contactRow(theirs)).caseId).toBeNull();

    const mine = await contact(counsellor);
    const first = await open(counsellor, { contactIds: [mine] });
    const again = await counsellor.post('/api/v1/cases', { contactIds: [mine] });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().error.code).toBe('in_another_case');
    expect((await contactRow(mine)).caseId).toBe(first);
    const linkedReport = await report();
    const reportCase = await open(analyst, { reportIds: [linkedReport] });
    expect((await analyst.post('/api/v1/cases', { reportIds: [linkedReport] })).statusCode).toBe(409);
    expect((await p.ctx.db.selectFrom('reports').select('caseId').where('id', '=', linkedReport).executeTakeFirstOrThrow()).caseId).toBe(reportCase);
  });
});

describe('two cases opened at once', () => {
  it('take a contact into only one of them', async () => {
    const contested = await contact(counsellor);
    const responses = await Promise.all([1, 2].map(() => counsellor.post('/api/v1/cases', { contactIds: [contested] })));
    expect(responses.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const winner = responses.find((r) => r.statusCode === 201)!.json().id;
    expect((await contactRow(contested)).caseId).toBe(winner);
  });
});

describe('working a case', () => {
  it('changes the status (closing stamps closedAt, reopening clears it), priority, title and assignee (a case worker only)', async () => {
    const id = await open(counsellor, { contactIds: [await contact(counsellor)] });
    expect((await counsellor.patch(`/api/v1/cases/${id}`, { status: 'in-progress', priority: 'urgent', title: 'Нов наслов' })).statusCode).toBe(200);
    expect(await getCase(counsellor, id)).toMatchObject({ status: 'in-progress', priority: 'urgent', title: 'Нов наслов', closedAt: null });

    expect((await counsellor.patch(`/api/v1/cases/${id}`, { status: 'closed' })).statusCode).toBe(200);
    const closed = await getCase(counsellor, id);
    expect(closed.status).toBe('closed');
    expect(Date.parse(closed.closedAt)).toBeGreaterThan(Date.now() - 60_000);
    // Closing twice keeps the first moment.
    expect((await counsellor.patch(`/api/v1/cases/${id}`, { status: 'closed' })).statusCode).toBe(200);
    expect((await getCase(counsellor, id)).closedAt).toBe(closed.closedAt);
    expect((await counsellor.patch(`/api/v1/cases/${id}`, { status: 'waiting-institution' })).statusCode).toBe(200);
    expect(await getCase(counsellor, id)).toMatchObject({ status: 'waiting-institution', closedAt: null });

    for (const notACaseWorker of [presenterUser.id, '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f']) {
      const refused = await counsellor.patch(`/api/v1/cases/${id}`, { assigneeId: notACaseWorker });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().error.fields).toHaveProperty('assigneeId');
    }
    const inactive = await createUser(p.ctx, { roles: ['counsellor'] });
    await p.ctx.db.updateTable('users').set({ isActive: false }).where('id', '=', inactive.id).execute();
    expect((await counsellor.patch(`/api/v1/cases/${id}`, { assigneeId: inactive.id })).statusCode).toBe(400);
    expect((await getCase(counsellor, id)).assigneeId).toBe(counsellorUser.id);

    expect((await counsellor.patch(`/api/v1/cases/${id}`, { assigneeId: analystUser.id })).statusCode).toBe(200);
    const handedOver = await getCase(analyst, id);
    expect(handedOver.assigneeId).toBe(analystUser.id);
    expect(handedOver.assigneeName).toMatch(/^Тест /);
    expect(handedOver.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.create', 'case.update', 'case.close']));
    // The counsellor opened it, so still sees it.
    expect((await counsellor.get(`/api/v1/cases/${id}`)).statusCode).toBe(200);
  });

  it('keeps follow-up tasks with due dates, flags the overdue ones, and marks them done or open again', async () => {
    const id = await open(counsellor, { contactIds: [await contact(counsellor)] });
    const late = await counsellor.post(`/api/v1/cases/${id}/tasks`, { title: 'Позвати школу', dueOn: isoDay(-3) });
    expect(late.statusCode, late.body).toBe(201);
    const soon = await counsellor.post(`/api/v1/cases/${id}/tasks`, { title: 'Проверити код родитеља', dueOn: isoDay(5), assigneeId: supervisorUser.id });
    expect(soon.statusCode).toBe(201);
    const today = await counsellor.post(`/api/v1/cases/${id}/tasks`, { title: 'Данас', dueOn: isoDay(0) });
    expect(today.statusCode).toBe(201);

    let theCase = await getCase(counsellor, id);
    expect(theCase.openTasks).toBe(3);
    expect(theCase.nextDueOn).toBe(isoDay(-3));
    const task = (taskId: string) => theCase.tasks.find((t: { id: string }) => t.id === taskId);
    expect(task(late.json().id)).toMatchObject({ title: 'Позвати школу', dueOn: isoDay(-3), isOverdue: true, doneAt: null, assigneeId: counsellorUser.id });
    expect(task(soon.json().id)).toMatchObject({ dueOn: isoDay(5), isOverdue: false, assigneeId: supervisorUser.id });
    expect(task(today.json().id)).toMatchObject({ isOverdue: false });

    expect((await counsellor.patch(`/api/v1/cases/${id}/tasks/${late.json().id}`, { done: true })).statusCode).toBe(200);
    theCase = await getCase(counsellor, id);
    expect(task(late.json().id)).toMatchObject({ isOverdue: false });
    expect(Date.parse(task(late.json().id).doneAt)).toBeGreaterThan(Date.now() - 60_000);
    expect(theCase.openTasks).toBe(2);
    expect(theCase.nextDueOn).toBe(isoDay(0));
    // Done tasks come last.
    expect(theCase.tasks.map((t: { id: string }) => t.id)).toEqual([today.json().id, soon.json().id, late.json().id]);

    expect((await counsellor.patch(`/api/v1/cases/${id}/tasks/${late.json().id}`, { done: false })).statusCode).toBe(200);
    theCase = await getCase(counsellor, id);
    expect(task(late.json().id)).toMatchObject({ isOverdue: true, doneAt: null });
    expect(theCase.timeline.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(['case.task-add', 'case.task-done', 'case.task-reopen']));

    // A task of another case, and an assignee who does not work cases, are refused.
    const other = await open(counsellor, { contactIds: [await contact(counsellor)] });
    expect((await counsellor.patch(`/api/v1/cases/${other}/tasks/${late.json().id}`, { done: true })).statusCode).toBe(404);
    for (const assigneeId of [presenterUser.id, '3f0c8d7e-1b2a-4c5d-8e9f-0a1b2c3d4e5f']) {
      const refused = await counsellor.post(`/api/v1/cases/${id}/tasks`, { title: 'x', dueOn: isoDay(1), assigneeId });
      expect(refused.statusCode, refused.body).toBe(400);
      expect(refused.json().error.fields).toHaveProperty('assigneeId');
    }
    expect((await getCase(counsellor, id)).tasks).toHaveLength(3);
  });

  it('keeps notes in order with their authors', async () => {
    const id = await open(counsellor, { contactIds: [await contact(counsellor)] });
    expect((await counsellor.post(`/api/v1/cases/${id}/notes`, { body: 'Прва белешка' })).statusCode).toBe(201);
    expect((await supervisor.post(`/api/v1/cases/${id}/notes`, { body: '  Друга белешка  ' })).statusCode).toBe(201);
    const { notes, timeline } = await getCase(counsellor, id);
    expect(notes.map((n: { body: string }) => n.body)).toEqual(['Прва белешка', 'Друга белешка']);
    expect(notes[0].authorName).toMatch(/^Тест /);
    expect(notes[0].authorName).not.toBe(notes[1].authorName);
    expect(timeline.filter((e: { action: string }) => e.action === 'case.note')).toHaveLength(2);
    // Note text stays out of the audit log.
    expect(JSON.stringify(timeline)).not.toContain('белешка');
  });

  it('adds reports and contacts later, but not ones already in another case', async () => {
    const id = await open(supervisor, { contactIds: [await contact(counsellor)] });
    const reportId = await report();
    const later = await contact(colleague);
    const linked = await supervisor.post(`/api/v1/cases/${id}/links`, { reportIds: [reportId], contactIds: [later] });
    expect(linked.statusCode, linked.body).toBe(200);
    const theCase = await getCase(supervisor, id);
    expect(theCase.reports.map((r: { id: string }) => r.id)).toEqual([reportId]);
    expect(theCase.contacts.map((c: { id: string }) => c.id)).toContain(later);
    expect(await contactRow(later)).toEqual({ caseId: id, outcome: 'case-opened' });
    expect(theCase.timeline.map((e: { action: string }) => e.action)).toContain('case.link');
    // Linking again to the same case changes nothing.
    expect((await supervisor.post(`/api/v1/cases/${id}/links`, { contactIds: [later] })).statusCode).toBe(200);

    const other = await open(supervisor, { contactIds: [await contact(counsellor)] });
    const stolen = await supervisor.post(`/api/v1/cases/${other}/links`, { contactIds: [later] });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.code).toBe('in_another_case');
    expect((await supervisor.post(`/api/v1/cases/${other}/links`, { reportIds: [reportId] })).statusCode).toBe(409);
    expect((await contactRow(later)).caseId).toBe(id);

    // A counsellor links only contacts they may edit.
    const mine = await open(counsellor, { contactIds: [await contact(counsellor)] });
    const refused = await counsellor.post(`/api/v1/cases/${mine}/links`, { contactIds: [await contact(colleague)] });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('contactIds');
  });
});

describe('the list and who sees what', () => {
  it('lists active cases, by assignee, newest first, with paging', async () => {
    const lister = await signIn(p.app, await createUser(p.ctx, { roles: ['counsellor'] }));
    const c = () => contact(lister);
    const first = await open(lister, { contactIds: [await c()] });
    const second = await open(lister, { contactIds: [await c()] });
    const third = await open(lister, { contactIds: [await c()] });
    await lister.patch(`/api/v1/cases/${second}`, { status: 'closed' });
    await lister.post(`/api/v1/cases/${third}/tasks`, { title: 'Рок', dueOn: isoDay(2) });

    expect(await caseIds(lister)).toEqual([third, second, first]);
    expect(await caseIds(lister, 'status=active')).toEqual([third, first]);
    expect(await caseIds(lister, 'status=closed')).toEqual([second]);
    expect(await caseIds(lister, 'assigneeId=me')).toEqual([third, second, first]);
    const listed = (await lister.get('/api/v1/cases?limit=1')).json();
    expect(listed.cases[0]).toMatchObject({ id: third, status: 'open', openTasks: 1, nextDueOn: isoDay(2), assigneeName: expect.stringMatching(/^Тест /) });
    expect(await caseIds(lister, `limit=2&before=${listed.nextBefore}`)).toEqual([second, first]);
    const last = (await lister.get(`/api/v1/cases?limit=2&before=${listed.nextBefore}`)).json();
    expect(last.nextBefore).toBeNull();

    // Handed to a supervisor: the supervisor's assigneeId=me has it, the counsellor still sees it (opened it).
    await lister.patch(`/api/v1/cases/${first}`, { assigneeId: supervisorUser.id });
    expect(await caseIds(supervisor, 'assigneeId=me')).toContain(first);
    expect(await caseIds(lister, 'assigneeId=me')).toEqual([third, second]);
    expect(await caseIds(lister)).toContain(first);
    expect(await caseIds(supervisor, `assigneeId=${supervisorUser.id}&status=active`)).toContain(first);
    await supervisor.patch(`/api/v1/cases/${first}`, { assigneeId: null });
    expect(await caseIds(supervisor, 'assigneeId=none')).toContain(first);
  });

  it('shows a counsellor only the cases assigned to or opened by them, and in them only the reports they may see', async () => {
    const reportId = await report();
    const contactId = await contact(counsellor);
    const id = await open(supervisor, { reportIds: [reportId], contactIds: [contactId] });

    const hidden = await counsellor.get(`/api/v1/cases/${id}`);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('not_found');
    expect(await caseIds(counsellor)).not.toContain(id);
    for (const [method, url, payload] of [
      ['PATCH', `/api/v1/cases/${id}`, { status: 'closed' }],
      ['POST', `/api/v1/cases/${id}/notes`, { body: 'x' }],
      ['POST', `/api/v1/cases/${id}/tasks`, { title: 'x', dueOn: isoDay(1) }],
      ['POST', `/api/v1/cases/${id}/links`, { contactIds: [] }],
    ] as const) {
      expect((await counsellor.request({ method, url, payload })).statusCode, `${method} ${url}`).toBe(404);
    }
    const refusedRead = await p.ctx.db.selectFrom('auditLog').select('actorId').where('recordId', '=', id).where('action', '=', 'case.read-refused').execute();
    expect(refusedRead.map((r) => r.actorId)).toEqual([counsellorUser.id]);

    await supervisor.patch(`/api/v1/cases/${id}`, { assigneeId: counsellorUser.id });
    const theCase = await getCase(counsellor, id);
    expect(theCase.contacts.map((c: { id: string }) => c.id)).toEqual([contactId]);
    expect(theCase.reports).toEqual([]); // not escalated to them
    expect((await getCase(supervisor, id)).reports.map((r: { id: string }) => r.id)).toEqual([reportId]);
    expect(await caseIds(counsellor)).toContain(id);
    // Still hidden from a colleague.
    expect((await colleague.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);

    // An analyst sees every case and its contacts.
    const forAnalyst = await getCase(analyst, id);
    expect(forAnalyst.contacts.map((c: { id: string }) => c.id)).toEqual([contactId]);
    expect(forAnalyst.reports.map((r: { id: string }) => r.id)).toEqual([reportId]);

    const presenter = await signIn(p.app, presenterUser);
    expect((await presenter.get(`/api/v1/cases/${id}`)).statusCode).toBe(404);
    expect((await presenter.get('/api/v1/cases')).statusCode).toBe(403);
  });
});

describe("the supervisors' overview", () => {
  it('counts what waits, what is open and what is late, and shows each counsellor’s workload', async () => {
    const overview = async () => {
      const response = await supervisor.get('/api/v1/helpline/overview');
      expect(response.statusCode, response.body).toBe(200);
      return response.json();
    };
    const worker = await createUser(p.ctx, { roles: ['counsellor'] });
    const workerClient = await signIn(p.app, worker);
    const before = await overview();
    expect(before.workload.find((w: { userId: string }) => w.userId === worker.id)).toEqual({
      userId: worker.id,
      name: expect.stringMatching(/^Тест /),
      activeChats: 0,
      draftContacts: 0,
      contactsToday: 0,
      openCases: 0,
      openTasks: 0,
    });
    expect(before.workload.map((w: { userId: string }) => w.userId)).not.toContain(analystUser.id);
    expect(before.workload.map((w: { userId: string }) => w.userId)).toContain(supervisorUser.id);

    await p.ctx.db
      .insertInto('contacts')
      .values([1, 2].map(() => ({ channel: 'email', contactType: 'data', status: 'awaiting', categoriesVersion: 'insafe-2024+rs-1' })))
      .execute();
    const draft = await contact(workerClient);
    await contact(workerClient, { callerType: 'child', primaryCategory: 'gaming', outcome: 'advice-given', finalise: true });
    const id = await open(workerClient, { contactIds: [draft] });
    await workerClient.patch(`/api/v1/cases/${id}`, { status: 'waiting-institution' });
    const late = (await workerClient.post(`/api/v1/cases/${id}/tasks`, { title: 'Закаснео позив', dueOn: isoDay(-2) })).json().id;
    await workerClient.post(`/api/v1/cases/${id}/tasks`, { title: 'Касније', dueOn: isoDay(3) });
    const closed = await open(workerClient, { contactIds: [await contact(workerClient, { summary: 'затворен' })] });
    await workerClient.post(`/api/v1/cases/${closed}/tasks`, { title: 'Стари рок', dueOn: isoDay(-9) });
    await workerClient.patch(`/api/v1/cases/${closed}`, { status: 'closed' });

    const after = await overview();
    expect(after.awaitingContacts).toBe(before.awaitingContacts + 2);
    expect(after.openCases['waiting-institution']).toBe((before.openCases['waiting-institution'] ?? 0) + 1);
    expect(after.openCases.open).toBe(before.openCases.open ?? 0);
    expect(after.openCases).not.toHaveProperty('closed');
    const number = (await getCase(workerClient, id)).number;
    expect(after.overdueTasks).toContainEqual({ id: late, caseId: id, caseNumber: number, title: 'Закаснео позив', dueOn: isoDay(-2), assigneeName: expect.stringMatching(/^Тест /) });
    // Not late: a task due later, and the tasks of a closed case.
    expect(after.overdueTasks.map((t: { title: string }) => t.title)).not.toContain('Касније');
    expect(after.overdueTasks.map((t: { title: string }) => t.title)).not.toContain('Стари рок');
    expect(after.workload.find((w: { userId: string }) => w.userId === worker.id)).toMatchObject({
      draftContacts: 2,
      contactsToday: 3,
      openCases: 1,
      openTasks: 2,
      activeChats: 0,
    });

    // Done tasks are no longer late.
    await workerClient.patch(`/api/v1/cases/${id}/tasks/${late}`, { done: true });
    expect((await overview()).overdueTasks.map((t: { id: string }) => t.id)).not.toContain(late);

    expect((await counsellor.get('/api/v1/helpline/overview')).statusCode).toBe(403);
    expect((await analyst.get('/api/v1/helpline/overview')).statusCode).toBe(403);
  });
});
