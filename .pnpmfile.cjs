// Publication metadata that every @zego-token package shares, written into each package.json as it is packed (pnpm
// pack and pnpm publish), so it is set in one place: the root package.json's `repository` (and `homepage`/`bugs`,
// derived from it). The repository's public URL is a person's decision; until it is set the packages carry none, and
// `pnpm release` refuses to publish (npm provenance ties a package to its repository).
const root = require('./package.json');

function beforePacking(pkg) {
  const url = root.repository && root.repository.url;
  if (!url || !pkg.name || !pkg.name.startsWith('@zego-token/')) return pkg;
  const web = url.replace(/^git\+/, '').replace(/\.git$/, '');
  pkg.repository = { type: 'git', url, directory: `packages/${pkg.name.slice('@zego-token/'.length)}` };
  pkg.homepage = `${web}/tree/main/packages/${pkg.name.slice('@zego-token/'.length)}#readme`;
  pkg.bugs = { url: `${web}/issues` };
  return pkg;
}

module.exports = { hooks: { beforePacking } };
