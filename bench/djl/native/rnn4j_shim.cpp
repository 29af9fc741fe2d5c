// Tiny JNI shim for bench/djl (built by bench/djl/run.sh with the machine's g++).
//  - setFlush/getCsr: what torch.set_flush_denormal(True/False) does on x86, which DJL does not
//    expose: set or clear FTZ (bit 15) and DAZ (bit 6) in the MXCSR of the calling thread. With 1
//    intra-op thread PyTorch computes on the calling thread (the Java main thread).
//  - torchConfig: at::show_config() of the libtorch_cpu.so that DJL has already loaded (the
//    runtime's own build description, which names TORCH_VERSION), or null.
#include <dlfcn.h>
#include <jni.h>
#include <xmmintrin.h>

#include <string>

static const unsigned int FTZ_DAZ = 0x8040u;

extern "C" {

JNIEXPORT jint JNICALL Java_org_rnn4j_benchdjl_Shim_setFlush(JNIEnv*, jclass, jboolean on) {
  unsigned int csr = _mm_getcsr();
  _mm_setcsr(on ? (csr | FTZ_DAZ) : (csr & ~FTZ_DAZ));
  return static_cast<jint>(_mm_getcsr());
}

JNIEXPORT jint JNICALL Java_org_rnn4j_benchdjl_Shim_getCsr(JNIEnv*, jclass) {
  return static_cast<jint>(_mm_getcsr());
}

JNIEXPORT jstring JNICALL Java_org_rnn4j_benchdjl_Shim_torchConfig(JNIEnv* env, jclass) {
  void* lib = dlopen("libtorch_cpu.so", RTLD_NOW | RTLD_NOLOAD);  // only if already loaded
  if (lib == nullptr) {
    return nullptr;
  }
  using ShowConfig = std::string (*)();
  auto fn = reinterpret_cast<ShowConfig>(dlsym(lib, "_ZN2at11show_configB5cxx11Ev"));
  jstring out = nullptr;
  if (fn != nullptr) {
    std::string s = fn();
    out = env->NewStringUTF(s.c_str());
  }
  dlclose(lib);
  return out;
}

}  // extern "C"
