// Staff accounts: search, the table, and (with users.manage) the way to open a new account.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { TextField } from '../components/Field';
import { ErrorAlert } from '../components/Messages';
import { Screen } from '../components/Screen';
import { TableWrap } from '../components/TableWrap';
import { usersApi } from '../endpoints';
import { personName, useLanguage } from '../i18n';
import { useUser } from '../session';
import { useLoad } from '../useLoad';
import { institutionName, useInstitutions } from '../users/institutions';
import { UserStatus } from '../users/UserStatus';

export function UserList() {
  const { t } = useTranslation();
  const me = useUser();
  const language = useLanguage();
  const [q, setQ] = useState('');
  const [includeInactive, setIncludeInactive] = useState(true);
  const [search, setSearch] = useState({ q: '', includeInactive: true });
  const { data, error, isLoading } = useLoad(
    () => usersApi.list(search.q, search.includeInactive),
    [search],
  );
  const { institutions } = useInstitutions(me.abilities['institutions.list']);
  const canManage = me.abilities['users.manage'];
  const users = data?.users ?? [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ q, includeInactive });
  };

  return (
    <Screen title={t('console.users.title')}>
      {canManage ? (
        <p>
          <Link className="button button-primary" to="/users/new">
            {t('console.users.newUser')}
          </Link>
        </p>
      ) : (
        <p>{t('console.users.readOnly')}</p>
      )}
      <form role="search" className="form form-inline" onSubmit={submit}>
        <TextField label={t('console.users.search')} name="q" type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        <label className="checkbox">
          <input type="checkbox" name="includeInactive" checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />{' '}
          {t('console.users.includeInactive')}
        </label>
        <button type="submit">{t('console.users.searchSubmit')}</button>
      </form>
      <ErrorAlert error={error} />
      <p role="status">{isLoading ? t('console.loading') : data ? t('console.users.count', { count: users.length }) : ''}</p>
      {data && users.length === 0 && <p>{t('console.users.empty')}</p>}
      {users.length > 0 && (
        <TableWrap label={t('console.users.title')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('console.users.columns.username')}</th>
                <th scope="col">{t('console.users.columns.name')}</th>
                <th scope="col">{t('console.users.columns.roles')}</th>
                <th scope="col">{t('console.users.columns.institution')}</th>
                <th scope="col">{t('console.users.columns.status')}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((user) => (
                <tr key={user.id}>
                  <th scope="row">
                    <Link to={`/users/${user.id}`}>{user.username}</Link>
                  </th>
                  <td>{personName(user.displayName, language)}</td>
                  <td>{user.roles.map((role) => t(`roles.${role}`)).join(', ')}</td>
                  <td>{institutionName(institutions, user.institutionId, language) ?? t('console.common.none')}</td>
                  <td>
                    <UserStatus user={user} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Screen>
  );
}
