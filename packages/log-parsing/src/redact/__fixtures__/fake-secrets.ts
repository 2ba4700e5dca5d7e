/**
 * Obviously fake, format-valid secrets for tests. Built by concatenation so no literal token
 * appears in the source (GitHub push protection and secret scanners never see one).
 */
const alnum36 = 'A1b2C3d4E5f6G7h8I9j0'.concat('K1l2M3n4O5p6Q7r8');
const fake = (prefix: string, body: string) => prefix.concat(body);

export const FAKE = {
  githubClassic: fake('gh' + 'p_', alnum36),
  githubOauth: fake('gh' + 'o_', alnum36),
  githubUser: fake('gh' + 'u_', alnum36),
  githubServer: fake('gh' + 's_', alnum36),
  githubRefresh: fake('gh' + 'r_', alnum36),
  // github_pat_ + 22 + '_' + 59, the fine-grained PAT layout.
  githubFineGrained: fake('github' + '_pat_', '11AAAAAAA0BCDEFGHIJKLM'.concat('_', 'b'.repeat(30), 'C'.repeat(27), 'd1')),
  awsAccessKey: fake('AK' + 'IA', 'IOSFODNN7EXAMPLE'),
  awsTempKey: fake('AS' + 'IA', 'Y34FZKBOKMUTVV7A'),
  awsSecretKey: 'wJalrXUtnFEMI/K7MDENG/'.concat('bPxRfiCYEXAMPLEKEY'),
  slackBot: fake('xo' + 'xb-', '1234567890-1234567890123-'.concat('AbCdEfGhIjKlMnOpQrStUvWx')),
  slackWebhookPath: 'T00000000/B00000000/'.concat('XXXXXXXXXXXXXXXXXXXXXXXX'),
  googleApiKey: fake('AI' + 'za', 'SyA-1234567890abcdefghijklmnopqrstu'),
  anthropic: fake('sk-' + 'ant-api03-', 'Ab1-Cd2_'.repeat(11).concat('Ef3gAA')),
  openaiProject: fake('sk-' + 'proj-', 'Ab3dEf6hIj9lMn2pQr5t'.concat('T3Blbk' + 'FJ', 'Uv8xYz1aBc4dEf7gHi0j')),
  openaiLegacy: fake('sk-', 'Ab3dEf6hIj9lMn2pQr5t'.concat('T3Blbk' + 'FJ', 'Uv8xYz1aBc4dEf7gHi0j')),
  npm: fake('np' + 'm_', 'a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8'),
  gitlab: fake('gl' + 'pat-', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn'),
  stripe: fake('sk' + '_live_', '4eC39HqLyjWDarjtT1zdp7dc'),
  openshift: fake('sha' + '256~', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4C'),
  jwt: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'].join('.'),
  password: 'Sup3r'.concat('S3cret!x'),
} as const;

const PEM_BODY = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
  'Aw==',
];

/** A complete fake RSA key in PEM form (header and footer built by concatenation). */
export function fakePem(label = 'RSA'): string {
  return [`-----BEGIN ${label} ` + 'PRIVATE KEY-----', ...PEM_BODY, `-----END ${label} ` + 'PRIVATE KEY-----'].join(
    '\n',
  );
}

export const PEM_BODY_LINES: readonly string[] = PEM_BODY;
