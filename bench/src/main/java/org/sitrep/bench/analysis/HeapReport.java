package org.sitrep.bench.analysis;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.sitrep.analysis.Analyzer;
import org.sitrep.analysis.Document;

/**
 * Heap the engine holds: used heap after a full GC before and after building the default Analyzer,
 * and after analysing 2,000 articles on two threads. Run with the heap limit under test (-Xmx1g).
 */
public final class HeapReport {
    public static void main(String[] args) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = used(memory);
        var cpu = ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long g0 = System.nanoTime();
        org.sitrep.analysis.places.Geoparser.worldwide();
        long gazetteerMs = (System.nanoTime() - g0) / 1_000_000;
        long gazetteerCpuMs = (cpu.getCurrentThreadCpuTime() - c0) / 1_000_000;
        long gazetteerHeap = used(memory) - before;
        long m0 = System.nanoTime();
        long mc0 = cpu.getCurrentThreadCpuTime();
        org.sitrep.analysis.text.EnglishSentences.load();
        long modelsMs = (System.nanoTime() - m0) / 1_000_000;
        long modelsCpuMs = (cpu.getCurrentThreadCpuTime() - mc0) / 1_000_000;
        long t0 = System.nanoTime();
        Analyzer analyzer = Analyzer.create();
        analyzer.analyze(Document.text("Rebels shelled Aleppo on Tuesday.", ConflictArticles.PUBLISHED));
        long loadMs = (System.nanoTime() - t0) / 1_000_000;
        long loaded = used(memory);
        List<String> articles = new ConflictArticles(7).articles(200, 800);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        long t1 = System.nanoTime();
        List<Future<?>> work = new java.util.ArrayList<>();
        for (int t = 0; t < 2; t++) {
            final int offset = t;
            work.add(pool.submit(() -> {
                for (int i = 0; i < 1000; i++) {
                    analyzer.analyze(Document.text(
                            articles.get((i + offset * 100) % articles.size()), ConflictArticles.PUBLISHED));
                }
            }));
        }
        for (Future<?> f : work) f.get();
        long runMs = (System.nanoTime() - t1) / 1_000_000;
        pool.shutdown();
        long after = used(memory);
        System.out.printf("max heap              %6d MB%n", Runtime.getRuntime().maxMemory() >> 20);
        System.out.printf("used before engine    %6d MB%n", before >> 20);
        System.out.printf("used with engine      %6d MB (engine: %d MB)%n", loaded >> 20, (loaded - before) >> 20);
        System.out.printf("used after 2000 docs  %6d MB%n", after >> 20);
        System.out.printf(
                "gazetteer + geoparser %6d ms wall, %d ms CPU, %d MB heap%n",
                gazetteerMs, gazetteerCpuMs, gazetteerHeap >> 20);
        System.out.printf("OpenNLP models        %6d ms wall, %d ms CPU%n", modelsMs, modelsCpuMs);
        System.out.printf("rest + first article  %6d ms%n", loadMs);
        System.out.printf(
                "2000 articles, 2 threads %d ms (%.0f articles/s, includes warm-up)%n", runMs, 2000 * 1000.0 / runMs);
        System.out.printf("peak heap (all pools) %6d MB%n", peak() >> 20);
    }

    private static long used(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static long peak() {
        long sum = 0;
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
