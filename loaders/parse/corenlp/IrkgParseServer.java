import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.trees.Tree;
import edu.stanford.nlp.trees.TreeCoreAnnotations;
import edu.stanford.nlp.util.CoreMap;

import java.io.*;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;
import java.util.concurrent.atomic.AtomicLong;

/**
 * irkg's parse server: one long-lived JVM holding CoreNLP's Arabic and English pipelines
 * (tokenize with clitic segmentation, POS, shift-reduce constituency parse), answering on a
 * Unix domain socket (no network port). One request per line: LANG TAB TEXT (TEXT with \\ \n \t
 * escaped); one JSON answer per line: {"s":[{"t":[[begin,end,"POS"],...],"p":"(ROOT (S (NP 0) ...))"}]}
 * with offsets in Unicode code points of TEXT and tree leaves given as token indices.
 */
public class IrkgParseServer {
    private static final Map<String, StanfordCoreNLP> PIPELINES = new ConcurrentHashMap<>();
    private static final AtomicLong LAST_USE = new AtomicLong(System.currentTimeMillis());
    private static Properties base;
    private static Semaphore WORKERS;

    public static void main(String[] args) throws Exception {
        Path socket = Paths.get(args[0]);
        long idleSeconds = Long.parseLong(args[1]);
        int threads = Integer.parseInt(args[2]);
        int maxLen = Integer.parseInt(args[3]);
        base = new Properties();
        base.setProperty("parse.maxlen", Integer.toString(maxLen));
        for (int i = 4; i < args.length; i++) pipeline(args[i]);  // preload
        Files.deleteIfExists(socket);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        // Every connection gets a thread (so a PING is answered while others parse); parsing itself is
        // limited to `threads` at a time.
        ExecutorService pool = Executors.newCachedThreadPool();
        WORKERS = new Semaphore(Math.max(1, threads));
        Thread idle = new Thread(() -> {
            while (true) {
                try { Thread.sleep(5000); } catch (InterruptedException e) { return; }
                if (idleSeconds > 0 && System.currentTimeMillis() - LAST_USE.get() > idleSeconds * 1000) {
                    try { Files.deleteIfExists(socket); } catch (IOException ignored) { }
                    System.out.println("idle for " + idleSeconds + "s, exiting");
                    System.exit(0);
                }
            }
        });
        idle.setDaemon(true);
        idle.start();
        System.out.println("ready");
        System.out.flush();
        while (true) {
            SocketChannel ch = server.accept();
            pool.submit(() -> serve(ch, socket));
        }
    }

    static StanfordCoreNLP pipeline(String lang) {
        return PIPELINES.computeIfAbsent(lang, l -> {
            Properties p = new Properties();
            p.putAll(base);
            p.setProperty("annotators", "tokenize,ssplit,pos,parse");
            if (l.equals("ar")) {
                p.setProperty("tokenize.language", "ar");
                p.setProperty("segment.model", "edu/stanford/nlp/models/segmenter/arabic/arabic-segmenter-atb+bn+arztrain.ser.gz");
                p.setProperty("ssplit.boundaryTokenRegex", "[.]|[!?]+|[!\u061F]+");
                p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/arabic.tagger");
                p.setProperty("parse.model", "edu/stanford/nlp/models/srparser/arabicSR.ser.gz");
            } else {
                p.setProperty("tokenize.language", "en");
                p.setProperty("pos.model", "edu/stanford/nlp/models/pos-tagger/english-left3words-distsim.tagger");
                p.setProperty("parse.model", "edu/stanford/nlp/models/srparser/englishSR.ser.gz");
            }
            return new StanfordCoreNLP(p);
        });
    }

    static void serve(SocketChannel ch, Path socket) {
        try (ch;
             BufferedReader in = new BufferedReader(new InputStreamReader(Channels.newInputStream(ch), StandardCharsets.UTF_8));
             Writer out = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(ch), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                LAST_USE.set(System.currentTimeMillis());
                if (line.equals("PING")) { out.write("PONG\n"); out.flush(); continue; }
                if (line.equals("STOP")) {
                    out.write("BYE\n"); out.flush();
                    Files.deleteIfExists(socket);
                    System.exit(0);
                }
                int tab = line.indexOf('\t');
                String lang = tab > 0 ? line.substring(0, tab) : "ar";
                String text = unescape(line.substring(tab + 1));
                String answer;
                WORKERS.acquireUninterruptibly();
                try {
                    answer = parse(lang.equals("en") ? "en" : "ar", text);
                } catch (RuntimeException e) {
                    answer = "{\"error\":" + quote(e.toString()) + "}";
                } finally {
                    WORKERS.release();
                }
                out.write(answer);
                out.write('\n');
                if (!in.ready()) out.flush();
                LAST_USE.set(System.currentTimeMillis());
            }
            out.flush();
        } catch (IOException ignored) {
            // the client went away; nothing to answer
        }
    }

    static String parse(String lang, String text) {
        Annotation doc = new Annotation(text);
        pipeline(lang).annotate(doc);
        boolean wide = text.codePoints().count() != text.length();
        StringBuilder sb = new StringBuilder(text.length() * 4);
        sb.append("{\"s\":[");
        boolean firstS = true;
        for (CoreMap s : doc.get(CoreAnnotations.SentencesAnnotation.class)) {
            if (!firstS) sb.append(',');
            firstS = false;
            List<CoreLabel> toks = s.get(CoreAnnotations.TokensAnnotation.class);
            sb.append("{\"t\":[");
            for (int i = 0; i < toks.size(); i++) {
                CoreLabel t = toks.get(i);
                int b = t.beginPosition(), e = t.endPosition();
                if (wide) { b = text.codePointCount(0, b); e = text.codePointCount(0, e); }
                if (i > 0) sb.append(',');
                sb.append('[').append(b).append(',').append(e).append(',').append(quote(t.tag())).append(']');
            }
            sb.append("],\"p\":");
            Tree tree = s.get(TreeCoreAnnotations.TreeAnnotation.class);
            if (tree == null) sb.append("null");
            else {
                StringBuilder tb = new StringBuilder();
                int[] leaf = {0};
                write(tree, tb, leaf);
                sb.append(quote(tb.toString()));
            }
            sb.append('}');
        }
        sb.append("]}");
        return sb.toString();
    }

    static void write(Tree t, StringBuilder sb, int[] leaf) {
        if (t.isLeaf()) { sb.append(leaf[0]++); return; }
        sb.append('(').append(t.value().replace(' ', '_').replace('(', '[').replace(')', ']'));
        for (Tree k : t.children()) { sb.append(' '); write(k, sb, leaf); }
        sb.append(')');
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else sb.append(c);
        }
        return sb.toString();
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
