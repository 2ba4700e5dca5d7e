import type { Permission, UserRecord } from '../state/world';
import { nodeId, type Urls } from './urls';

export function simpleUser(urls: Urls, user: UserRecord): Record<string, unknown> {
  const api = `${urls.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `${urls.html}/avatars/${user.id}`,
    gravatar_id: '',
    url: api,
    html_url: `${urls.html}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

export function publicUser(urls: Urls, user: UserRecord): Record<string, unknown> {
  return {
    ...simpleUser(urls, user),
    name: user.name,
    company: null,
    blog: '',
    location: null,
    email: user.email,
    hireable: null,
    bio: null,
    twitter_username: null,
    public_repos: 0,
    public_gists: 0,
    followers: 0,
    following: 0,
    created_at: user.createdAt,
    updated_at: user.createdAt,
  };
}

/** The legacy `permission` field collapses maintain → write and triage → read. */
export function legacyPermission(permission: Permission): 'admin' | 'write' | 'read' | 'none' {
  if (permission === 'maintain') return 'write';
  if (permission === 'triage') return 'read';
  return permission;
}

export function permissionFlags(permission: Permission): Record<string, boolean> {
  const order: Permission[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
  const level = order.indexOf(permission);
  return {
    admin: level >= 5,
    maintain: level >= 4,
    push: level >= 3,
    triage: level >= 2,
    pull: level >= 1,
  };
}
