package io.demodeck.demo.child;

/**
 * One demo's code for the child JVM, in the demo's own folder ({@code demo/catalog/<name>/<Name>Child}) and
 * registered as a {@link DemoChild.Mode}. It may use the JDK and this package only: the child JVM's class path holds
 * nothing else. Its nested classes travel with it; another top-level class of the demo's folder does not.
 */
public abstract class ChildProgram {

    private final int sizeCount;
    private final int maxSize;

    /**
     * @param sizeCount how many integer sizes the program takes
     * @param maxSize   the largest value each may have; the child refuses anything outside 1..maxSize
     */
    protected ChildProgram(int sizeCount, int maxSize) {
        this.sizeCount = sizeCount;
        this.maxSize = maxSize;
    }

    public final int sizeCount() {
        return sizeCount;
    }

    public final int maxSize() {
        return maxSize;
    }

    /** Measures with sizes already checked against the limits above and prints what it found ({@link ChildSupport#put}). */
    public abstract void run(int[] sizes) throws Exception;
}
