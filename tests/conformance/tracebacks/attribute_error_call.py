class Service:
    def start(self):
        return self.connection.open()
Service().start()
