#!/usr/bin/env python3
"""Where the stream threads spend their CPU, by pipeline stage, from a JFR recording.

Usage: scripts/jfr-stages.py RECORDING.jfr [--thread StreamThread] [--top 12]

Record one with, for example:
  WIRE_JAVA_OPTS="-Xmx1g -XX:StartFlightRecording=filename=/tmp/bench.jfr,settings=profile" ./wire bench --items 2000

Each execution sample of a matching thread is charged to the outermost io.wirestream frame of its stack (the
processor or serde Kafka Streams called), or to "kafka: ..." when no project frame is on it (polling, producing,
committing). Prints the share of samples per stage, then the hottest project frames (self time).
"""
import argparse, collections, re, subprocess, sys

ap = argparse.ArgumentParser()
ap.add_argument('recording')
ap.add_argument('--thread', default='StreamThread')
ap.add_argument('--top', type=int, default=12)
a = ap.parse_args()
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '96', a.recording],
                     capture_output=True, text=True, check=True).stdout
stage = collections.Counter(); hot = collections.Counter(); n = 0
for event in out.split('jdk.ExecutionSample')[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    if not thread or a.thread not in thread.group(1) or 'producer' in thread.group(1):
        continue
    n += 1
    frames = re.findall(r'\n\s+([\w.$<>]+)\(', event)
    ours = [f for f in frames if f.startswith('io.wirestream')]
    if ours:
        stage[re.sub(r'\$.*|\.lambda.*', '', ours[-1].rsplit('.', 1)[0]).rsplit('.', 1)[-1]] += 1
        hot[ours[0]] += 1
    else:
        tail = [f.rsplit('.', 2)[-2] for f in frames[-6:-2]] if len(frames) > 6 else frames
        stage['kafka: ' + '/'.join(dict.fromkeys(tail))] += 1
if n == 0:
    sys.exit('no samples of a thread matching %r' % a.thread)
print('%d samples of %s threads' % (n, a.thread))
print('\nby stage (outermost project frame)')
for k, v in stage.most_common(a.top):
    print('  %5.1f%%  %s' % (100.0 * v / n, k))
print('\nhottest project frames (self)')
for k, v in hot.most_common(a.top):
    print('  %5.1f%%  %s' % (100.0 * v / n, k))
