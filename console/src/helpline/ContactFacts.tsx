// What a contact says, read-only: its details, the chat transcript and its earlier versions.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../common/i18n';
import { personName, useLanguage } from '../i18n';
import type { Contact } from './api';
import { articleTitle, belgradeDateTime, durationText, municipalityLabel } from './format';

export function ContactFacts({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const none = t('helpline.common.none');
  const isData = contact.contactType === 'data';
  return (
    <section aria-labelledby="contact-facts">
      <h2 id="contact-facts">{t('helpline.detail.facts')}</h2>
      <dl className="facts contact-facts">
        <dt>{t('helpline.detail.status')}</dt>
        <dd data-testid="contact-status">
          <span className={`tag contact-status-${contact.status}`}>{t(`helpline.codes.contactStatus.${contact.status}`)}</span>
          {contact.version > 1 && <> {t('helpline.detail.version', { version: contact.version })}</>}
        </dd>
        <dt>{t('helpline.detail.startedAt')}</dt>
        <dd>
          <time dateTime={contact.startedAt}>{belgradeDateTime(contact.startedAt, language)}</time>
        </dd>
        {contact.finalisedAt && (
          <>
            <dt>{t('helpline.detail.finalisedAt')}</dt>
            <dd>
              <time dateTime={contact.finalisedAt}>{belgradeDateTime(contact.finalisedAt, language)}</time>
            </dd>
          </>
        )}
        <dt>{t('helpline.detail.counsellor')}</dt>
        <dd>{contact.counsellorName ? personName(contact.counsellorName, language) : t('helpline.common.unassigned')}</dd>
        <dt>{t('helpline.detail.channel')}</dt>
        <dd>{t(`helpline.codes.channel.${contact.channel}`)}</dd>
        <dt>{t('helpline.detail.contactType')}</dt>
        <dd>{t(`helpline.codes.contactType.${contact.contactType}`)}</dd>
        {contact.durationSeconds !== null && (
          <>
            <dt>{t('helpline.detail.duration')}</dt>
            <dd>{durationText(t, contact.durationSeconds)}</dd>
          </>
        )}
        {isData && (
          <>
            <dt>{t('helpline.detail.callerType')}</dt>
            <dd>{contact.callerType ? t(`helpline.codes.callerType.${contact.callerType}`) : none}</dd>
            <dt>{t('helpline.detail.ageGroup')}</dt>
            <dd>{t(`helpline.codes.ageGroup.${contact.ageGroup}`)}</dd>
            <dt>{t('helpline.detail.gender')}</dt>
            <dd>{t(`helpline.codes.gender.${contact.gender}`)}</dd>
          </>
        )}
        <dt>{t('helpline.detail.municipality')}</dt>
        <dd>{municipalityLabel(contact.municipality, language) ?? none}</dd>
        <dt>{t('helpline.detail.language')}</dt>
        <dd>{t(`helpline.codes.language.${contact.language}`)}</dd>
        {isData && (
          <>
            <dt>{t('helpline.detail.primaryCategory')}</dt>
            <dd>{contact.primaryCategory ? categoryLabel(t, contact.primaryCategory) : none}</dd>
            <dt>{t('helpline.detail.peripheralCategories')}</dt>
            <dd>{contact.peripheralCategories.length ? contact.peripheralCategories.map((c) => categoryLabel(t, c)).join(', ') : none}</dd>
          </>
        )}
        <dt>{t('helpline.detail.platform')}</dt>
        <dd>{contact.platform ? t(`helpline.codes.platform.${contact.platform}`) : none}</dd>
        <dt>{t('helpline.detail.summary')}</dt>
        <dd className="pre-wrap" data-testid="contact-summary">
          {contact.summary || none}
        </dd>
        <dt>{t('helpline.detail.adviceGiven')}</dt>
        <dd className="pre-wrap">{contact.adviceGiven || none}</dd>
        <dt>{t('helpline.detail.adviceArticles')}</dt>
        <dd>
          {contact.adviceArticles.length ? (
            <ul className="plain-list">
              {contact.adviceArticles.map((a) => (
                <li key={a.id}>
                  <a href={a.publicPath} target="_blank" rel="noreferrer">{articleTitle(a, language)}</a>
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </dd>
        <dt>{t('helpline.detail.outcome')}</dt>
        <dd>{contact.outcome ? t(`helpline.codes.outcome.${contact.outcome}`) : none}</dd>
        <dt>{t('helpline.detail.callbackConsent')}</dt>
        <dd>{contact.callbackConsent ? t('helpline.detail.callbackYes') : t('helpline.detail.callbackNo')}</dd>
        <dt>{t('helpline.detail.callerIdentifier')}</dt>
        <dd>
          {contact.keptCallerIdentifier
            ? t('helpline.form.identifierKept', { value: contact.keptCallerIdentifier })
            : contact.hasCallerIdentifier
              ? t('helpline.detail.identifierHashOnly')
              : t('helpline.detail.identifierNone')}
        </dd>
      </dl>
      {isData && <p className="hint">{t('helpline.detail.categoriesVersion', { version: contact.categoriesVersion })}</p>}
    </section>
  );
}

function categoryLabel(t: TFunction, code: string): string {
  return t(`helpline.codes.category.${code}`, { defaultValue: code });
}

export function Transcript({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!contact.chatId) return null;
  return (
    <section aria-labelledby="contact-transcript">
      <h2 id="contact-transcript">{t('helpline.detail.transcript')}</h2>
      {contact.transcript === null ? (
        <p>{t('helpline.detail.transcriptGone')}</p>
      ) : (
        <ol className="message-thread transcript">
          {contact.transcript.map((message) => (
            <li key={message.seq} className={`message ${message.sender === 'visitor' ? 'message-reporter' : 'message-centre'}`}>
              <p className="message-meta">
                <strong>{t(`helpline.codes.transcriptSender.${message.sender}`)}</strong>
                <time className="muted" dateTime={message.sentAt}>
                  {belgradeDateTime(message.sentAt, language)}
                </time>
              </p>
              <p className="pre-wrap">{message.body}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** The fields of a stored version worth showing, with how each is written. */
const VERSION_FIELDS: { key: string; label: string; show: (t: TFunction, value: unknown, language: Language) => string }[] = [
  { key: 'channel', label: 'channel', show: (t, v) => t(`helpline.codes.channel.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'contactType', label: 'contactType', show: (t, v) => t(`helpline.codes.contactType.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'callerType', label: 'callerType', show: (t, v) => t(`helpline.codes.callerType.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'ageGroup', label: 'ageGroup', show: (t, v) => t(`helpline.codes.ageGroup.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'gender', label: 'gender', show: (t, v) => t(`helpline.codes.gender.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'municipality', label: 'municipality', show: (_t, v, language) => municipalityLabel(String(v), language) ?? '' },
  { key: 'primaryCategory', label: 'primaryCategory', show: (t, v) => categoryLabel(t, String(v)) },
  { key: 'peripheralCategories', label: 'peripheralCategories', show: (t, v) => (Array.isArray(v) ? v.map((c) => categoryLabel(t, String(c))).join(', ') : '') },
  { key: 'platform', label: 'platform', show: (t, v) => t(`helpline.codes.platform.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'summary', label: 'summary', show: (_t, v) => String(v) },
  { key: 'adviceGiven', label: 'adviceGiven', show: (_t, v) => String(v) },
  { key: 'outcome', label: 'outcome', show: (t, v) => t(`helpline.codes.outcome.${String(v)}`, { defaultValue: String(v) }) },
  { key: 'callbackConsent', label: 'callbackConsent', show: (t, v) => (v ? t('helpline.detail.callbackYes') : t('helpline.detail.callbackNo')) },
  { key: 'durationSeconds', label: 'duration', show: (t, v) => durationText(t, typeof v === 'number' ? v : null) },
];

export function Versions({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (contact.status !== 'final' && contact.versions.length === 0) return null;
  return (
    <section aria-labelledby="contact-versions">
      <h2 id="contact-versions">{t('helpline.detail.versions')}</h2>
      {contact.versions.length === 0 ? (
        <p>{t('helpline.detail.noVersions')}</p>
      ) : (
        <ul className="plain-list version-list">
          {contact.versions.map((version) => (
            <li key={version.version} data-testid="contact-version">
              <details>
                <summary>
                  {t('helpline.detail.version', { version: version.version })}:{' '}
                  {t('helpline.detail.versionChanged', {
                    at: belgradeDateTime(version.changedAt, language),
                    who: version.changedBy ? personName(version.changedBy, language) : t('helpline.common.unknownPerson'),
                  })}
                </summary>
                <p className="hint">{t('helpline.detail.versionShows')}</p>
                <dl className="facts">
                  {VERSION_FIELDS.filter((field) => {
                    const value = version.data[field.key];
                    return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
                  }).map((field) => (
                    <div key={field.key} className="facts-row">
                      <dt>{t(`helpline.detail.${field.label}`)}</dt>
                      <dd className="pre-wrap">{field.show(t, version.data[field.key], language)}</dd>
                    </div>
                  ))}
                </dl>
              </details>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
