/**
 * JMH benchmarks. Each compares the engine against a raw baseline in the same run ({@code @Param} over
 * implementations). Build: {@code mvn -B -pl mianzheng-bench -am package -DskipTests}; run:
 * {@code java -jar mianzheng-bench/target/benchmarks.jar <Benchmark> -prof gc}. Results: {@code docs/BENCHMARKS.md}.
 */
package org.mianzheng.bench;
