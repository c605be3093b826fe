// The referral dossier as a PDF in the institution's language: the same facts the contact
// person reads in the console (never the abusive images themselves), with a reference number.
import type { AppContext } from '../context';
import type { Actor } from '../auth/policy';
import type { Language } from '../../common/roles';
import { translator } from '../../common/i18n/index';
import { toLatin } from '../../common/i18n/translit';
import { recordAudit } from '../audit/log';
import { auditActor } from '../auth/request';
import { LEGAL_BASES } from '../hotline/legal-bases';
import { getSettings } from '../settings/settings';
import { getReferral } from './referrals';
import { renderReferralDossier } from './dossier-pdf';

export async function dossierPdf(ctx: AppContext, actor: Actor, id: string, language: Language): Promise<{ reference: string; pdf: Buffer }> {
  const referral = await getReferral(ctx, actor, id);
  const t = translator(language);
  const local = (text: string) => (language === 'sr-Latn' ? toLatin(text) : text);
  const settings = await getSettings(ctx.db);
  const pdf = await renderReferralDossier({
    language,
    title: t('dossier.title'),
    referenceNumber: referral.reference,
    labels: {
      reference: t('dossier.reference'),
      date: t('dossier.date'),
      institution: t('dossier.institution'),
      urgency: t('dossier.urgency'),
      reason: t('dossier.reason'),
      legalBasis: t('dossier.legalBasis'),
      findings: t('dossier.findings'),
      links: t('dossier.links'),
      reporterContact: t('dossier.reporterContact'),
      noContact: t('dossier.noContact'),
      confidential: t('dossier.confidential'),
      page: t('dossier.page'),
    },
    date: new Date(referral.sentAt).toLocaleDateString(language === 'en' ? 'en-GB' : 'sr-Latn-RS', { timeZone: 'Europe/Belgrade' }),
    institutionName: local(referral.institutionName),
    urgency: t(`dossier.urgencies.${referral.urgency}`),
    isUrgent: referral.urgency === 'urgent',
    reason: referral.reason,
    legalBasis: referral.legalBasis.map((code) => {
      const basis = LEGAL_BASES.find((b) => b.code === code);
      return basis ? `${t('dossier.article')} ${basis.article} – ${language === 'en' ? basis.titleEn : local(basis.title)}` : code;
    }),
    findings: referral.findings.map((f) => ({
      heading: `${t('dossier.report')} ${f.reportNumber} · ${t(`dossier.categories.${f.category}`)}${f.classification ? ` · ${t(`dossier.classifications.${f.classification}`)}` : ''}`,
      text: f.description,
    })),
    links: referral.findings.flatMap((f) => f.urls.map((url) => ({ url, note: `${t('dossier.report')} ${f.reportNumber}` }))),
    reporterContact: referral.reporterContact
      ? Object.fromEntries(Object.entries(referral.reporterContact).filter(([, v]) => v)) as { name?: string; email?: string; phone?: string }
      : null,
    centreName: t('centre.name'),
    centreContact: `${settings.helplinePhone} · ${settings.centreEmail}`,
  });
  await recordAudit(ctx.db, { actor: auditActor(actor), action: 'referral.dossier', recordType: 'referral', recordId: id, details: { language } });
  return { reference: referral.reference, pdf };
}
