#!/usr/bin/env bash
# Would Maven Central accept a release? Runs the README's release command ("Build from source":
# ./mvnw -Prelease deploy -DaltDeploymentRepository=ID::URL) on a copy of the committed tree
# whose version is the release's (VERSION-SNAPSHOT made VERSION: Central takes releases only),
# into a file repository, signed with a throwaway key when gpg is installed (-Dgpg.skip
# otherwise), then checks each deployed artifact as Central's validation does: the POM's name,
# description, url, licenses, developers and scm (from the module or its parent), a -sources.jar
# and a -javadoc.jar next to every jar, .md5 and .sha1 files that match, and a good .asc
# signature for every file when signed.
#
# The copy leaves out eclipse-plugin/: the Eclipse plugin is published as its p2 update site
# (README, "Use in Eclipse"), not to Central. Not offline (maven-deploy-plugin refuses -o):
# plugins missing from the local repository, the release profile's gpg one say, are downloaded;
# nothing is installed into it (-Dmaven.install.skip).
#
# usage: scripts/check-central-staging.sh [WORK_DIR]   (default: a new directory under /tmp, kept)
set -euo pipefail
cd "$(dirname "$0")/.."

work=${1:-$(mktemp -d /tmp/dovelint-staging.XXXXXX)}
mkdir -p "$work"
src=$work/src
repo=$work/repository
rm -rf "$src" "$repo"
mkdir -p "$src"

git archive HEAD | tar -x -C "$src"
snapshot=$(sed -n 's|^  <version>\(.*-SNAPSHOT\)</version>$|\1|p' "$src/pom.xml" | head -n 1)
release=${snapshot%-SNAPSHOT}
[ -n "$snapshot" ] || { echo "check-central-staging: no -SNAPSHOT version in pom.xml" >&2; exit 2; }
find "$src" -name pom.xml -not -path '*/eclipse-plugin/*' -exec sed -i "s|<version>$snapshot</version>|<version>$release</version>|" {} +
sed -i '/<module>eclipse-plugin<\/module>/d' "$src/pom.xml"

args=(-B -q -Prelease deploy -DskipTests -Ddovelint.skipITs -Dfuzz.skip -Dmaven.install.skip=true
  "-DaltDeploymentRepository=staging::file://$repo")
signed=no
if command -v gpg >/dev/null 2>&1; then
  export GNUPGHOME=$work/gnupg
  rm -rf "$GNUPGHOME"
  mkdir -m 700 "$GNUPGHOME"
  gpg --batch --quiet --passphrase '' --quick-gen-key 'dovelint staging check <staging@example.invalid>' \
    default default never
  signed=yes
  # the agent this key started, stopped whatever happens next
  trap 'gpgconf --kill gpg-agent >/dev/null 2>&1 || true' EXIT
else
  echo "check-central-staging: gpg is not installed: the artifacts are not signed (-Dgpg.skip)"
  args+=(-Dgpg.skip)
fi

echo "check-central-staging: deploying $release to $repo (signed: $signed)"
start=$(date +%s)
(cd "$src" && nice -n 10 ./mvnw "${args[@]}")
echo "check-central-staging: deployed in $(($(date +%s) - start)) s"

python3 - "$repo" "$release" "$signed" <<'EOF'
import hashlib, os, subprocess, sys
import xml.etree.ElementTree as ET

repo, version, signed = sys.argv[1], sys.argv[2], sys.argv[3] == "yes"
NS = {"m": "http://maven.apache.org/POM/4.0.0"}
group = os.path.join(repo, "io", "github", "dovelint")
problems, modules = [], []

def pom(artifact):
    return ET.parse(os.path.join(group, artifact, version, f"{artifact}-{version}.pom")).getroot()

def text(root, path):
    found = root.find(path, NS)
    return (found.text or "").strip() if found is not None else ""

for artifact in sorted(a for a in os.listdir(group) if os.path.isdir(os.path.join(group, a))):
    folder = os.path.join(group, artifact, version)
    if not os.path.isdir(folder):
        problems.append(f"{artifact}: no version {version}")
        continue
    modules.append(artifact)
    root = pom(artifact)
    chain = [root]
    parent = root.find("m:parent", NS)
    if parent is not None and text(parent, "m:groupId") == "io.github.dovelint":
        chain.append(pom(text(parent, "m:artifactId")))
    for element in ("m:name", "m:description"):
        if not text(root, element):
            problems.append(f"{artifact}: no {element[2:]} in its POM")
    for element in ("m:url", "m:licenses/m:license/m:name", "m:licenses/m:license/m:url",
                    "m:developers/m:developer/m:name", "m:scm/m:url", "m:scm/m:connection"):
        if not any(text(p, element) for p in chain):
            problems.append(f"{artifact}: no {element.replace('m:', '')} in its POM or its parent's")
    files = sorted(f for f in os.listdir(folder) if not f.endswith((".md5", ".sha1", ".asc", ".sha256", ".sha512")))
    base = f"{artifact}-{version}"
    if text(root, "m:packaging") not in ("", "pom") or f"{base}.jar" in files:
        for classifier in ("sources", "javadoc"):
            if f"{base}-{classifier}.jar" not in files:
                problems.append(f"{artifact}: no {base}-{classifier}.jar")
    for name in files:
        path = os.path.join(folder, name)
        data = open(path, "rb").read()
        for ext, algorithm in ((".md5", "md5"), (".sha1", "sha1")):
            try:
                said = open(path + ext).read().split()[0].lower()
            except (OSError, IndexError):
                problems.append(f"{artifact}: no {name}{ext}")
                continue
            if said != hashlib.new(algorithm, data).hexdigest():
                problems.append(f"{artifact}: {name}{ext} does not match")
        if signed:
            if not os.path.exists(path + ".asc"):
                problems.append(f"{artifact}: no {name}.asc")
            elif subprocess.run(["gpg", "--batch", "--quiet", "--verify", path + ".asc", path],
                                capture_output=True).returncode != 0:
                problems.append(f"{artifact}: {name}.asc is not a good signature")
    print(f"  {artifact}: {', '.join(f[len(base):] or f for f in files)}")

if not modules:
    problems.append("nothing was deployed")
for p in problems:
    print(f"check-central-staging: {p}", file=sys.stderr)
print(f"check-central-staging: {len(modules)} artifacts, {len(problems)} problems")
sys.exit(1 if problems else 0)
EOF
