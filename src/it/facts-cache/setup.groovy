// the invoker keeps the clone of an earlier build: start from no cache
new File(basedir, 'target').deleteDir()
return true
