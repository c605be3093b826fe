// Administrators keep the institution registry: add institutions, change names, area,
// working hours and the deputy, or deactivate one (referrals already sent keep it).
import type { AppContext } from '../context';
import type { Actor } from '../auth/policy';
import type { InstitutionType } from '../../common/institutions';
import { isMunicipality, DISTRICTS } from '../../common/geography';
import { auditActor } from '../auth/request';
import { recordAudit } from '../audit/log';
import { conflict, notFound, validationFailed } from '../http/errors';

export interface InstitutionInput {
  code?: string | undefined;
  type?: InstitutionType | undefined;
  nameSr?: string | undefined;
  nameEn?: string | undefined;
  areaKind?: 'national' | 'district' | 'municipality' | undefined;
  areaCodes?: string[] | undefined;
  workingHours?: string | undefined;
  deputyUserId?: string | null | undefined;
  isActive?: boolean | undefined;
}

export async function saveInstitution(ctx: AppContext, actor: Actor, id: string | null, input: InstitutionInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const before = id ? await trx.selectFrom('institutions').selectAll().where('id', '=', id).executeTakeFirst() : undefined;
    if (id && !before) throw notFound('No such institution');
    const areaKind = input.areaKind ?? before?.areaKind;
    const areaCodes = input.areaCodes ?? before?.areaCodes ?? [];
    const districtIds = new Set(DISTRICTS.map((d) => d.id));
    const wrongArea = areaCodes.find((code) => (areaKind === 'district' ? !districtIds.has(code) : areaKind === 'municipality' ? !isMunicipality(code) : true));
    if (wrongArea) throw validationFailed({ areaCodes: `Not a ${areaKind === 'national' ? 'code for a national institution (leave empty)' : areaKind}: ${wrongArea}` });
    if (input.deputyUserId) {
      const deputy = await trx.selectFrom('users').select(['institutionId']).where('id', '=', input.deputyUserId).executeTakeFirst();
      if (!deputy || (id && deputy.institutionId !== id) || !id) throw validationFailed({ deputyUserId: "The deputy must be one of the institution's contact persons" });
    }
    if (input.code && input.code !== before?.code) {
      const taken = await trx.selectFrom('institutions').select('id').where('code', '=', input.code).executeTakeFirst();
      if (taken) throw conflict('code_taken', 'This code is taken', { code: 'This code is taken' });
    }
    const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    const row = id
      ? await trx.updateTable('institutions').set({ ...values, updatedAt: new Date() }).where('id', '=', id).returningAll().executeTakeFirstOrThrow()
      : await trx
          .insertInto('institutions')
          .values({ code: input.code!, type: input.type!, nameSr: input.nameSr!, nameEn: input.nameEn!, areaKind: input.areaKind!, areaCodes, ...(input.workingHours ? { workingHours: input.workingHours } : {}) })
          .returningAll()
          .executeTakeFirstOrThrow();
    await recordAudit(trx, { actor: auditActor(actor), action: id ? 'institution.update' : 'institution.create', recordType: 'institution', recordId: row.id, details: { changed: Object.keys(values) } });
    return {
      id: row.id,
      code: row.code,
      type: row.type as InstitutionType,
      nameSr: row.nameSr,
      nameEn: row.nameEn,
      areaKind: row.areaKind as 'national' | 'district' | 'municipality',
      areaCodes: row.areaCodes,
      workingHours: row.workingHours,
      deputyUserId: row.deputyUserId,
      isActive: row.isActive,
    };
  });
}
