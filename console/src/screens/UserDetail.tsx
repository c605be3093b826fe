// One staff account: its facts, and with users.manage the form and the account actions
// (deactivate, temporary password, reset TOTP, unlock).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ApiError } from '../api';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorAlert, StatusMessage } from '../components/Messages';
import { Screen } from '../components/Screen';
import { usersApi, type StaffUser } from '../endpoints';
import { formatDateTime, useLanguage } from '../i18n';
import { asApiError, useUser } from '../session';
import { useLoad } from '../useLoad';
import { institutionName, useInstitutions } from '../users/institutions';
import { TemporaryPassword } from '../users/TemporaryPassword';
import { UserForm, accountFields } from '../users/UserForm';
import { UserStatus, isLocked } from '../users/UserStatus';

export function UserDetail() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data, error, setData } = useLoad(() => usersApi.read(id).then((r) => r.user), [id]);

  if (!data) {
    return (
      <Screen title={t('console.users.title')}>
        {error ? <ErrorAlert error={error} /> : <p role="status">{t('console.loading')}</p>}
        <p>
          <Link to="/users">{t('console.users.detail.backToList')}</Link>
        </p>
      </Screen>
    );
  }
  return <Account user={data} onChanged={setData} />;
}

function Account({ user, onChanged }: { user: StaffUser; onChanged: (user: StaffUser) => void }) {
  const { t } = useTranslation();
  const me = useUser();
  const language = useLanguage();
  const canManage = me.abilities['users.manage'];
  const { institutions, error: institutionsError } = useInstitutions(me.abilities['institutions.list']);
  const [message, setMessage] = useState<string | null>(null);
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const [actionError, setActionError] = useState<ApiError | null>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);

  /** Runs an account action and reports its outcome. */
  const act = async <R extends { user: StaffUser }>(action: () => Promise<R>, done: string): Promise<R | null> => {
    setMessage(null);
    setActionError(null);
    try {
      const result = await action();
      onChanged(result.user);
      setMessage(done);
      return result;
    } catch (reason) {
      setActionError(asApiError(reason));
      return null;
    }
  };

  const none = t('console.common.none');
  const when = (iso: string | null) => (iso ? formatDateTime(iso, language) : none);
  return (
    <Screen title={t('console.users.detail.title', { username: user.username })}>
      <p>
        <Link to="/users">{t('console.users.detail.backToList')}</Link>
      </p>
      <UserStatus user={user} />
      <dl className="facts">
        <dt>{t('console.users.fields.lastLogin')}</dt>
        <dd>{when(user.lastLoginAt)}</dd>
        <dt>{t('console.users.fields.createdAt')}</dt>
        <dd>{when(user.createdAt)}</dd>
        {isLocked(user) && (
          <>
            <dt>{t('console.users.fields.lockedUntil')}</dt>
            <dd>{when(user.lockedUntil)}</dd>
          </>
        )}
        {!canManage && (
          <>
            <dt>{t('console.users.fields.displayName')}</dt>
            <dd>{user.displayName}</dd>
            <dt>{t('console.users.fields.email')}</dt>
            <dd>{user.email ?? none}</dd>
            <dt>{t('console.users.fields.roles')}</dt>
            <dd>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</dd>
            <dt>{t('console.users.fields.institution')}</dt>
            <dd>{institutionName(institutions, user.institutionId, language) ?? none}</dd>
          </>
        )}
      </dl>
      {canManage && (
        <>
          <section aria-labelledby="user-edit">
            <h2 id="user-edit">{t('console.users.detail.edit')}</h2>
            <UserForm
              key={user.id}
              initial={{
                username: user.username,
                displayName: user.displayName,
                email: user.email ?? '',
                roles: user.roles,
                institutionId: user.institutionId ?? '',
                language: user.language,
              }}
              isNew={false}
              institutions={institutions}
              institutionsError={institutionsError}
              submitLabel={t('console.common.save')}
              onSubmit={async (values, needsInstitution) => {
                setFormMessage(null);
                const result = await usersApi.update(user.id, accountFields(values, needsInstitution));
                onChanged(result.user);
                setFormMessage(t('console.common.saved'));
              }}
            />
            <StatusMessage message={formMessage} />
          </section>
          <section aria-labelledby="user-actions">
            <h2 id="user-actions">{t('console.users.detail.actions')}</h2>
            <StatusMessage message={message} />
            <ErrorAlert error={actionError} />
            {temporaryPassword && <TemporaryPassword password={temporaryPassword} />}
            <ul className="actions">
              {isLocked(user) && (
                <li>
                  <p className="hint">{t('console.users.detail.unlockHint')}</p>
                  <button type="button" onClick={() => void act(() => usersApi.unlock(user.id), t('console.users.detail.unlocked'))}>
                    {t('console.users.detail.unlock')}
                  </button>
                </li>
              )}
              <li>
                <p className="hint">{t('console.users.detail.resetPasswordHint')}</p>
                <ConfirmButton
                  label={t('console.users.detail.resetPassword')}
                  onConfirm={async () => {
                    setTemporaryPassword(null);
                    const result = await act(() => usersApi.resetPassword(user.id), t('console.users.temporaryPassword.title'));
                    if (result) setTemporaryPassword(result.temporaryPassword);
                  }}
                />
              </li>
              {user.hasTotp && (
                <li>
                  <p className="hint">{t('console.users.detail.resetTotpHint')}</p>
                  <ConfirmButton
                    label={t('console.users.detail.resetTotp')}
                    onConfirm={async () => {
                      await act(() => usersApi.resetTotp(user.id), t('console.users.detail.totpReset'));
                    }}
                  />
                </li>
              )}
              <li>
                {user.isActive ? (
                  <>
                    <p className="hint">{t('console.users.detail.deactivateHint')}</p>
                    <ConfirmButton
                      label={t('console.users.detail.deactivate')}
                      isDangerous
                      onConfirm={async () => {
                        await act(() => usersApi.update(user.id, { isActive: false }), t('console.users.detail.deactivated'));
                      }}
                    />
                  </>
                ) : (
                  <button
                    type="button"
                    onClick={() => void act(() => usersApi.update(user.id, { isActive: true }), t('console.users.detail.reactivated'))}
                  >
                    {t('console.users.detail.reactivate')}
                  </button>
                )}
              </li>
            </ul>
          </section>
        </>
      )}
    </Screen>
  );
}
