#!/usr/bin/env bash
# CI: rnn4j used as a library, the path the README's "Use rnn4j as a library" documents, so it cannot
# break silently. Installs core (jar, sources and javadoc jars: the javadoc jar fails on any javadoc
# error), builds the CLI and the javadoc of every module, then compiles examples/library-use against
# the installed core and runs its three examples: an LSTM's output shapes, a loss that falls, and a
# CLI-trained classifier whose predictions from Java must equal `classify predict`'s, byte for byte.
# The last also runs with core on the module path (module org.rnn4j.core), the others on the class path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
flag="--add-modules jdk.incubator.vector"

echo "== install core with sources and javadoc (the README's install command)"
mvn -B -ntp -pl core -am install -DskipTests
echo "== the CLI jar and the javadoc of every module"
mvn -B -ntp -q -DskipTests package javadoc:javadoc

echo "== examples/library-use against the installed rnn4j-core"
ex=examples/library-use
(cd "$ex" && mvn -B -ntp -q -Dstyle.color=never compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
deps=$(cat "$ex/target/classpath.txt")
cp="$ex/target/classes:$deps"
java $flag -cp "$cp" com.example.rnn4j.BuildLstm
java $flag -cp "$cp" com.example.rnn4j.TrainModel

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data=examples/data/word_language.tsv
{ head -1 "$data"; tail -n +2 "$data" | awk 'NR % 25 == 0'; } > "$work/train.tsv"   # 400 words, 5 languages
{ head -1 "$data"; tail -n +2 "$data" | awk 'NR % 500 == 7'; } > "$work/score.tsv"  # 20 other words
java $flag -jar cli/target/rnn4j.jar classify train --data "$work/train.tsv" --out "$work/model" \
    --epochs 3 --hidden 16 --ensemble 1 -q
java $flag -jar cli/target/rnn4j.jar classify predict --model "$work/model" --data "$work/score.tsv" -q > "$work/cli.tsv"
java $flag -cp "$cp" com.example.rnn4j.PredictWithCliModel "$work/model" "$work/score.tsv" > "$work/java.tsv"
java $flag,org.rnn4j.core -p "$deps" -cp "$ex/target/classes" com.example.rnn4j.PredictWithCliModel \
    "$work/model" "$work/score.tsv" > "$work/java-modules.tsv"
diff "$work/cli.tsv" "$work/java.tsv"
diff "$work/cli.tsv" "$work/java-modules.tsv"
echo "== library-use: $(($(wc -l < "$work/cli.tsv") - 1)) predictions from Java equal classify predict's (class path and module path)"
