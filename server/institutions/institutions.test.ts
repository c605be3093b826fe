// The institution registry: seeded for Serbia, kept by administrators.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/helpers/platform';
import { createUser, institutionId, signIn } from '../../test/helpers/factories';

let p: TestPlatform;
beforeAll(async () => {
  p = await createTestPlatform();
});
afterAll(async () => p?.close());

describe('institution registry', () => {
  it('is seeded with the national institutions and a Centre for Social Work and a Health Centre per municipality', async () => {
    const rows = await p.ctx.db.selectFrom('institutions').select(['code', 'type', 'areaCodes']).execute();
    const byType = (type: string) => rows.filter((r) => r.type === type);
    expect(byType('prosecutor').map((r) => r.code)).toEqual(['vtk-prosecutor']);
    expect(byType('police').map((r) => r.code)).toEqual(['vtk-police']);
    expect(byType('social-work')).toHaveLength(145);
    expect(byType('health')).toHaveLength(161);
    expect(rows.find((r) => r.code === 'csw-beograd')!.areaCodes).toEqual(expect.arrayContaining(['beograd', 'vozdovac', 'zemun']));
    // Every municipality outside Kosovo and Metohija has exactly one school administration.
    const schoolAreas = byType('education').filter((r) => r.code.startsWith('su-')).flatMap((r) => r.areaCodes);
    const { UNITS } = await import('../../common/geography');
    expect(schoolAreas.sort()).toEqual(UNITS.map((u) => u.id).sort());
  });

  it('lets administrators add and change institutions, with checked areas and deputies', async () => {
    const admin = await signIn(p.app, await createUser(p.ctx, { roles: ['administrator'] }));
    const created = await admin.post('/api/v1/institutions', {
      code: 'su-kragujevac-2',
      type: 'education',
      nameSr: 'Школска управа Крагујевац 2',
      nameEn: 'School Administration Kragujevac 2',
      areaKind: 'district',
      areaCodes: ['sumadijski'],
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().institution.id;
    expect((await admin.post('/api/v1/institutions', { code: 'x-1', type: 'health', nameSr: 'Дом здравља Х', nameEn: 'Health Centre X', areaKind: 'municipality', areaCodes: ['atlantis'] })).json().error.fields).toHaveProperty('areaCodes');
    expect((await admin.post('/api/v1/institutions', { code: 'su-kragujevac-2', type: 'education', nameSr: 'ШУ', nameEn: 'SA', areaKind: 'national' })).statusCode).toBe(409);
    const contact = await createUser(p.ctx, { roles: ['institution-contact'], institution: 'su-kragujevac-2' });
    const outsider = await createUser(p.ctx, { roles: ['institution-contact'], institution: 'vtk-police' });
    expect((await admin.patch(`/api/v1/institutions/${id}`, { deputyUserId: outsider.id })).json().error.fields).toHaveProperty('deputyUserId');
    const changed = await admin.patch(`/api/v1/institutions/${id}`, { deputyUserId: contact.id, workingHours: 'пон–пет 07–15' });
    expect(changed.json().institution).toMatchObject({ deputyUserId: contact.id, workingHours: 'пон–пет 07–15' });
    const analyst = await signIn(p.app, await createUser(p.ctx, { roles: ['analyst'] }));
    expect((await analyst.patch(`/api/v1/institutions/${await institutionId(p.ctx, 'vtk-police')}`, { workingHours: '24/7' })).statusCode).toBe(403);
    const audit = await p.ctx.db.selectFrom('auditLog').select('action').where('recordId', '=', id).execute();
    expect(audit.map((a) => a.action)).toEqual(['institution.create', 'institution.update']);
  });
});
