#!/usr/bin/env bash
# `pnpm release`: installs, builds, runs the packaging checks (publint, arethetypeswrong, the packed tarballs used
# from fresh projects), then publishes every @zego-token package whose version is not on npm yet, with provenance.
# `pnpm release --dry-run` does all of it but the upload; CI runs it that way.
#
# Before it: `pnpm version-packages` turns the pending changesets (.changeset/*.md) into new versions and changelog
# entries; review and commit that. The credentials are a person's: an npm account allowed to publish the
# @zego-token scope (NODE_AUTH_TOKEN or `npm login`), and for provenance a CI with an OIDC identity (GitHub Actions
# with `id-token: write`) or npm's trusted publishing. The repository's public URL goes in the root package.json's
# `repository` field, the one place it is set (.pnpmfile.cjs writes it into every package as it is packed).
set -euo pipefail
cd "$(dirname "$0")/.."

dry_run=false
for arg in "$@"; do
  case $arg in
    --dry-run) dry_run=true ;;
    *) echo "release: unknown argument '$arg' (the only one is --dry-run)" >&2; exit 2 ;;
  esac
done
problems=()
[ -n "$(node -p "require('./package.json').repository?.url ?? ''")" ] ||
  problems+=("the root package.json has no repository URL: npm provenance ties each package to its repository")
pending=$(find .changeset -name '*.md' ! -name README.md | wc -l)
[ "$pending" -eq 0 ] || problems+=("$pending changeset(s) not yet applied: run pnpm version-packages, review and commit")
[ -z "$(git status --porcelain)" ] || problems+=("the working tree has uncommitted changes: publish only what is committed")
if [ ${#problems[@]} -gt 0 ]; then
  for problem in "${problems[@]}"; do echo "release: $problem" >&2; done
  if [ $dry_run = false ]; then exit 1; fi
  echo "release: going on because this is a dry run; a real release stops here" >&2
fi

pnpm install --frozen-lockfile
bash scripts/check-packages.sh
publish=(pnpm --filter "./packages/*" publish --access public --provenance --no-git-checks)
if [ $dry_run = true ]; then
  "${publish[@]}" --dry-run
  echo "release (dry run): every package built, checked and packed; nothing was published"
else
  "${publish[@]}"
  pnpm exec changeset tag # a git tag per published version; push them with `git push --follow-tags`
fi
