#!/usr/bin/env bash
# Prepares the application's fast start, in a Payara Micro root folder:
# - the runtime unpacked and the application deployed into it, so a start neither unpacks the
#   runtime nor extracts the WAR again;
# - a class-data sharing archive of the classes a start loads, so they are neither parsed nor
#   verified again;
# - launch.options, the JVM options of a start: those two, compiler-directives.json and lower
#   thresholds for leaving profiled code, the serial collector (the application's heap is small,
#   as files are streamed, and G1's concurrent threads and write barriers cost about 2 CPU-s of a
#   start on a 2-core machine), a class-metadata threshold above the 26 MB a start adds to the
#   archive's, which at the default 21 MB triggered a full collection, and the archive mapped at the
#   address it was written for.
#
#   prepare-launch.sh <payara-micro.jar> <ROOT.war> <root folder> <scratch folder> <free port> <free port>
#
# The two free ports are the warm-up start's database and HTTP ports: with Payara Micro's 8080 taken
# (by a running instance of the application, say), a start fails and then does not exit.
#
# Then: java @<root>/launch.options -jar <root>/launch-micro.jar --nocluster --disablephonehome --port 8080
# One root folder serves one running instance at a time.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
micro=$1 war=$2 root=$3 scratch=$4 port=$5 http_port=$6

rm -rf "$root" "$scratch"
mkdir -p "$scratch/exports"
java -jar "$micro" --rootdir "$root" --outputlauncher >"$scratch/launcher.log" 2>&1
root=$(cd "$root" && pwd)
cp "$here/compiler-directives.json" "$root/compiler-directives.json"
# With the optimising compiler kept to the digests, a method leaves its slow, fully profiled first
# compilation only when it reaches that compiler's thresholds (and is then compiled again without
# profiling): thresholds a fifth to a tenth of the defaults end that sooner.
tiers="-XX:Tier4InvocationThreshold=1000 -XX:Tier4MinInvocationThreshold=200 -XX:Tier4CompileThreshold=2000 -XX:Tier4BackEdgeThreshold=8000"
compiler="-XX:+UnlockDiagnosticVMOptions -XX:CompilerDirectivesFile=$root/compiler-directives.json -XX:CompileCommand=quiet $tiers"
collector="-XX:+UseSerialGC -XX:MetaspaceSize=64m"

# One start with the application deployed, recording the classes it loads. It starts as on a
# first try, on a database of its own in the scratch folder, against an Immich that is not there.
# A start that fails can hang on its way out: ten minutes, then the build fails rather than waits.
# shellcheck disable=SC2086
if ! env -i PATH="$PATH" HOME="${HOME:-/tmp}" \
    DATA_DIR="$scratch/data" EXPORT_ROOTS="$scratch/exports" EMBEDDED_DB_PORT="$port" \
    IMMICH_URL="http://127.0.0.1:9/" \
    timeout --kill-after=10 600 java $compiler $collector -XX:ArchiveClassesAtExit="$root/application.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
    -jar "$root/launch-micro.jar" \
    --deploy "$war" --prebootcommandfile "$here/pre-boot-commands.asadmin" \
    --port "$http_port" --nocluster --disablephonehome --warmup \
    >"$scratch/warmup.log" 2>&1; then
    echo "Preparing the start failed; see $scratch/warmup.log" >&2
    exit 1
fi
if ! grep -q 'name="ROOT"' "$root/config/domain.xml" || [ ! -s "$root/application.jsa" ]; then
    echo "The application was not deployed into $root; see $scratch/warmup.log" >&2
    exit 1
fi
rm -rf "$scratch/data"
# The archive is mapped where it was written: newer JDK 17 updates map it elsewhere by default, which
# rewrites (and so copies into each process's own memory) every page of it, about 75 MB of a
# container's idle 440 MB.
printf '%s\n' "-XX:SharedArchiveFile=$root/application.jsa" $compiler -XX:ArchiveRelocationMode=0 $collector >"$root/launch.options"
