package io.github.autograd4j.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Opens a Spark context after checking its master URL, so that a typo or a master that is down
 * fails at once with a message instead of a context that waits for executors that never come:
 * Spark's standalone client retries an unreachable master for a minute before it gives up.
 *
 * <pre>{@code
 * JavaSparkContext sc = SparkMaster.connect(new SparkConf().setAppName("train").setMaster("local[2]"));
 * }</pre>
 */
public final class SparkMaster {

    private static final Pattern LOCAL = Pattern.compile("local(\\[(\\*|[1-9][0-9]*)(,[1-9][0-9]*)?])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^:/,]+:[0-9]+)(,[^:/,]+:[0-9]+)*");
    private static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private SparkMaster() {
    }

    /**
     * A Spark context for {@code conf}, once its master ({@code spark.master}, as {@code spark-submit}
     * or {@link SparkConf#setMaster} sets it) is checked by {@link #check}.
     *
     * @param conf the configuration
     * @return the context
     * @throws IllegalArgumentException when no master is set, it is not a master URL, or a standalone
     *                                  master cannot be reached
     */
    public static JavaSparkContext connect(SparkConf conf) {
        Objects.requireNonNull(conf, "SparkMaster.connect: conf is null");
        if (!conf.contains("spark.master")) {
            throw new IllegalArgumentException("SparkMaster: no master is set; pass one (local[2], spark://host:7077,"
                    + " yarn, k8s://https://host:443) with --master or spark.master");
        }
        check(conf.get("spark.master"));
        return new JavaSparkContext(conf);
    }

    /**
     * Checks a master URL: {@code local}, {@code local[N]}, {@code local[*]} and {@code local[N,F]}
     * are accepted; {@code yarn}, {@code k8s://...} and {@code mesos://...} are left to Spark,
     * which finds those through their own configuration; a standalone master
     * {@code spark://host:port[,host:port...]} must accept a connection within 5 s at one of its
     * addresses.
     *
     * @param master the master URL
     * @throws IllegalArgumentException when it is none of these forms, or no standalone master answers
     */
    public static void check(String master) {
        Objects.requireNonNull(master, "SparkMaster: master is null");
        if (LOCAL.matcher(master).matches() || master.equals("yarn") || master.startsWith("k8s://")
                || master.startsWith("mesos://")) {
            return;
        }
        if (!STANDALONE.matcher(master).matches()) {
            throw new IllegalArgumentException("SparkMaster: '" + master + "' is not a Spark master URL; expected local[N],"
                    + " local[N,F], spark://host:port, yarn or k8s://https://host:port");
        }
        List<String> failures = new ArrayList<>();
        for (String address : master.substring("spark://".length()).split(",")) {
            int colon = address.lastIndexOf(':');
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1))),
                        CONNECT_TIMEOUT_MILLIS);
                return;
            } catch (IOException | IllegalArgumentException e) {
                failures.add(address + ": " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
            }
        }
        throw new IllegalArgumentException("SparkMaster: master " + master + " cannot be reached (" + String.join("; ", failures)
                + "); is it running, and is the host and port that of its 'spark://' URL?");
    }
}
