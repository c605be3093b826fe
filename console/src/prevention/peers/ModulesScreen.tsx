// The training modules of the programme: switch one off or on (certification needs every active
// module), and add a module with its names in Cyrillic and English.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api';
import { TextField } from '../../components/Field';
import { ErrorAlert, StatusMessage } from '../../components/Messages';
import { Screen } from '../../components/Screen';
import { TableWrap } from '../../components/TableWrap';
import { useLanguage } from '../../i18n';
import { asApiError } from '../../session';
import { useLoad } from '../../useLoad';
import { peersApi } from './api';
import { inScript } from './format';
import { useCheckedForm } from './useCheckedForm';

export function ModulesScreen() {
  const { t } = useTranslation();
  const language = useLanguage();
  const modules = useLoad(() => peersApi.modules(), []);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const done = (text: string) => {
    setMessage(text);
    modules.reload();
  };
  const toggle = async (id: string, isActive: boolean) => {
    setError(null);
    try {
      await peersApi.updateModule(id, { isActive });
      done(t('prevention.peers.modules.changed'));
    } catch (reason) {
      setError(asApiError(reason));
    }
  };
  return (
    <Screen title={t('prevention.peers.modules.title')} headingTestId="modules-heading">
      <p>{t('prevention.peers.modules.intro')}</p>
      <StatusMessage message={message} />
      <ErrorAlert error={error ?? modules.error} />
      {modules.data && (
        <TableWrap label={t('prevention.peers.modules.tableLabel')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('prevention.peers.modules.columns.name')}</th>
                <th scope="col">{t('prevention.peers.modules.columns.english')}</th>
                <th scope="col">{t('prevention.peers.modules.columns.active')}</th>
              </tr>
            </thead>
            <tbody>
              {modules.data.modules.map((m) => {
                const name = inScript(m.names['sr-Cyrl'], language);
                return (
                  <tr key={m.id}>
                    <th scope="row" lang={language === 'en' ? 'sr' : undefined}>
                      {name}
                    </th>
                    <td lang="en">{m.names.en}</td>
                    <td>
                      <span className={m.isActive ? 'tag tag-ok' : 'tag tag-muted'}>{m.isActive ? t('prevention.peers.modules.active') : t('prevention.peers.modules.inactive')}</span>{' '}
                      <button type="button" className="button-small" onClick={() => void toggle(m.id, !m.isActive)}>
                        {m.isActive ? t('prevention.peers.modules.deactivate') : t('prevention.peers.modules.activate')}
                        <span className="visually-hidden-label">: {name}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      <section aria-labelledby="new-module-heading" className="peer-panel">
        <h2 id="new-module-heading">{t('prevention.peers.modules.add')}</h2>
        <ModuleForm onCreated={() => done(t('prevention.peers.modules.created'))} />
      </section>
    </Screen>
  );
}

function ModuleForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const form = useCheckedForm(
    { code: '', nameSr: '', nameEn: '' },
    () => ({}),
    async (v) => {
      await peersApi.createModule({ code: v.code.trim(), names: { 'sr-Cyrl': v.nameSr.trim(), en: v.nameEn.trim() } });
      form.reset();
      onCreated();
    },
  );
  const { values, error } = form;
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) => form.set({ [name]: event.target.value });
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate className="form">
      <ErrorAlert error={error} knownFields={['code', 'sr-Cyrl', 'en']} />
      <TextField label={t('prevention.peers.modules.code')} hint={t('prevention.peers.modules.codeHint')} name="code" required autoCapitalize="none" spellCheck={false} value={values.code} onChange={set('code')} error={error?.fieldError('code')} />
      <TextField label={t('prevention.peers.modules.nameSr')} name="nameSr" required lang="sr-Cyrl" value={values.nameSr} onChange={set('nameSr')} error={error?.fieldError('sr-Cyrl')} />
      <TextField label={t('prevention.peers.modules.nameEn')} name="nameEn" required lang="en" value={values.nameEn} onChange={set('nameEn')} error={error?.fieldError('en')} />
      <button type="submit" className="button-primary" disabled={form.isBusy}>
        {t('prevention.peers.modules.create')}
      </button>
    </form>
  );
}
